using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Core.Activities;

/// <summary>
/// Parses an attribute value by its field's data type and writes the canonical form: numbers and booleans as JSON
/// numbers/booleans, dates as yyyy-MM-dd, datetimes as UTC ISO 8601, everything else as a string.
/// </summary>
public static class FieldValueParser
{
    public const int MaxStringLength = 255;
    public const int MaxTextLength = 65_535;

    /// <summary>Null when the value fits the type (and <paramref name="canonical"/> holds it), else the reason.</summary>
    public static Reason? TryParse(ActivityField field, ApiValue value, out CanonicalValue canonical)
    {
        canonical = default;
        var text = value.Text ?? "";
        if (value.Kind == ApiValueKind.Structured)
        {
            return WrongType(field, value);
        }
        switch (field.DataType)
        {
            case FieldDataType.String:
            case FieldDataType.Text:
                var max = field.DataType == FieldDataType.String ? MaxStringLength : MaxTextLength;
                if (text.Length > max)
                {
                    return new Reason(RecordCodes.InvalidData, $"Value for field '{field.ApiName}' is longer than {max} characters");
                }
                canonical = CanonicalValue.Str(text);
                return null;
            case FieldDataType.Integer:
                if (value.Kind is ApiValueKind.Number or ApiValueKind.String
                    && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    canonical = CanonicalValue.Num(integer.ToString(CultureInfo.InvariantCulture));
                    return null;
                }
                return WrongType(field, value);
            case FieldDataType.Float:
                if (value.Kind is ApiValueKind.Number or ApiValueKind.String
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    canonical = CanonicalValue.Num(number.ToString("R", CultureInfo.InvariantCulture));
                    return null;
                }
                return WrongType(field, value);
            case FieldDataType.Currency:
                if (value.Kind is ApiValueKind.Number or ApiValueKind.String
                    && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                {
                    canonical = CanonicalValue.Num(amount.ToString(CultureInfo.InvariantCulture));
                    return null;
                }
                return WrongType(field, value);
            case FieldDataType.Boolean:
                if (value.Kind is ApiValueKind.True or ApiValueKind.False)
                {
                    canonical = CanonicalValue.Bool(value.Kind == ApiValueKind.True);
                    return null;
                }
                if (value.Kind == ApiValueKind.String && bool.TryParse(text, out var flag))
                {
                    canonical = CanonicalValue.Bool(flag);
                    return null;
                }
                return WrongType(field, value);
            case FieldDataType.Email:
                if (value.Kind == ApiValueKind.String && IsEmail(text))
                {
                    canonical = CanonicalValue.Str(text);
                    return null;
                }
                return WrongType(field, value);
            case FieldDataType.Phone:
                if (value.Kind is ApiValueKind.String or ApiValueKind.Number && IsPhone(text))
                {
                    canonical = CanonicalValue.Str(text);
                    return null;
                }
                return WrongType(field, value);
            case FieldDataType.Link:
                if (value.Kind == ApiValueKind.String && text.Length <= MaxStringLength * 8
                    && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    canonical = CanonicalValue.Str(text);
                    return null;
                }
                return WrongType(field, value);
            case FieldDataType.Date:
                if (value.Kind == ApiValueKind.String && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    if (!ActivityDates.IsAcceptedValue(date))
                    {
                        return OutOfRange(field, value);
                    }
                    canonical = CanonicalValue.Str(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    return null;
                }
                return WrongType(field, value);
            case FieldDataType.DateTime:
                if (value.Kind == ApiValueKind.String && TryParseDateTime(text, out var instant))
                {
                    if (!ActivityDates.IsAcceptedValue(instant))
                    {
                        return OutOfRange(field, value);
                    }
                    canonical = CanonicalValue.Str(FormatDateTime(instant));
                    return null;
                }
                return WrongType(field, value);
            default:
                return WrongType(field, value);
        }
    }

    /// <summary>ISO 8601 with an offset or Z; a value without an offset is read as UTC (Marketo does the same).</summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out instant)
        && text.Length >= 10 && char.IsDigit(text[0]);

    public static string FormatDateTime(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string WireName(FieldDataType type) => type switch
    {
        FieldDataType.DateTime => "datetime",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static Reason OutOfRange(ActivityField field, ApiValue value) =>
        new(RecordCodes.InvalidData, $"Value '{value.Display}' for field '{field.ApiName}' is outside the accepted range {ActivityDates.ValueRange}");

    private static Reason WrongType(ActivityField field, ApiValue value) =>
        new(RecordCodes.WrongType, $"Invalid value '{value.Display}' for field '{field.ApiName}' of type {WireName(field.DataType)}");

    private static bool IsEmail(string text) =>
        text.Length is > 2 and <= MaxStringLength && !text.Any(char.IsWhiteSpace) && text.IndexOf('@') is > 0 and var at
        && text.IndexOf('@', at + 1) < 0 && text.IndexOf('.', at) > at + 1 && !text.EndsWith('.')
        && MailAddress.TryCreate(text, out _);

    private static bool IsPhone(string text)
    {
        if (text.Length is 0 or > 40)
        {
            return false;
        }
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '+' or '-' or '(' or ')' or '.' or 'x'))
            {
                return false;
            }
        }
        return digits >= 3;
    }
}

/// <summary>A parsed value in its canonical form, written into the activity's attributes JSON.</summary>
public readonly record struct CanonicalValue(byte Kind, string Text)
{
    public static CanonicalValue Str(string text) => new(0, text);
    public static CanonicalValue Num(string text) => new(1, text);
    public static CanonicalValue Bool(bool value) => new(2, value ? "true" : "false");

    public void WriteTo(Utf8JsonWriter writer, string propertyName)
    {
        switch (Kind)
        {
            case 1:
                writer.WritePropertyName(propertyName);
                writer.WriteRawValue(Text, skipInputValidation: true);
                break;
            case 2:
                writer.WriteBoolean(propertyName, Text == "true");
                break;
            default:
                writer.WriteString(propertyName, Text);
                break;
        }
    }
}
