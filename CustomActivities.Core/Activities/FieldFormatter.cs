using System.Globalization;
using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Core.Activities;

/// <summary>
/// Shows stored values per data type in the viewer's culture and time zone. Values are text for the UI to encode;
/// only <see cref="SafeLink"/> may become an href.
/// </summary>
public static class FieldFormatter
{
    /// <param name="currencySymbol">The instance's currency, shown with currency values; without it they show as plain amounts.</param>
    public static string Format(TimelineField field, CultureInfo culture, TimeZoneInfo zone, BooleanWords words, string? currencySymbol = null) =>
        Format(field.DataType, field.Value, culture, zone, words, currencySymbol);

    /// <summary>A stored boolean ("true"/"false", or "1"/"0" as Marketo clients send them); null when it is neither.</summary>
    public static bool? AsBoolean(string? value) =>
        bool.TryParse(value, out var flag) ? flag : value switch { "1" => true, "0" => false, _ => null };

    public static string Format(FieldDataType type, string? value, CultureInfo culture, TimeZoneInfo zone, BooleanWords words, string? currencySymbol = null)
    {
        if (value is null)
        {
            return "";
        }
        var invariant = CultureInfo.InvariantCulture;
        switch (type)
        {
            case FieldDataType.Integer when long.TryParse(value, NumberStyles.Integer, invariant, out var integer):
                return integer.ToString("N0", culture);
            case FieldDataType.Float when double.TryParse(value, NumberStyles.Float, invariant, out var number):
                return number.ToString("#,0.########", culture);
            case FieldDataType.Currency when decimal.TryParse(value, NumberStyles.Float, invariant, out var amount):
                return currencySymbol is null ? amount.ToString("N2", culture) : amount.ToString("C2", WithCurrency(culture, currencySymbol));
            case FieldDataType.Boolean when AsBoolean(value) is { } flag:
                return flag ? "✓ " + words.Yes : "✗ " + words.No;
            case FieldDataType.Date when DateOnly.TryParse(value, invariant, DateTimeStyles.None, out var date):
                return date.ToString("D", culture);
            case FieldDataType.Date when DateTimeOffset.TryParse(value, invariant, DateTimeStyles.AssumeUniversal, out var dateTime):
                return DateOnly.FromDateTime(dateTime.UtcDateTime).ToString("D", culture);
            case FieldDataType.DateTime when DateTimeOffset.TryParse(value, invariant, DateTimeStyles.AssumeUniversal, out var instant):
                return ActivityDates.InZone(instant, zone).ToString("f", culture);
            default:
                return value;
        }
    }

    /// <summary>
    /// The value for a file another program reads (the CSV export), the same in every language: numbers in the invariant
    /// culture ("1234.5"), dates as ISO 8601 ("2026-05-01"), instants as ISO 8601 UTC ("2026-05-01T08:00:00.000Z"),
    /// booleans as "true"/"false". A stored value that does not read as its type is written as stored.
    /// </summary>
    public static string? Invariant(TimelineField field)
    {
        var (type, value) = (field.DataType, field.Value);
        if (value is null)
        {
            return null;
        }
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            FieldDataType.Integer when long.TryParse(value, NumberStyles.Integer, invariant, out var integer) => integer.ToString(invariant),
            FieldDataType.Float when double.TryParse(value, NumberStyles.Float, invariant, out var number) => number.ToString("R", invariant),
            FieldDataType.Currency when decimal.TryParse(value, NumberStyles.Float, invariant, out var amount) => amount.ToString(invariant),
            FieldDataType.Boolean when AsBoolean(value) is { } flag => flag ? "true" : "false",
            FieldDataType.Date when DateOnly.TryParse(value, invariant, DateTimeStyles.None, out var date) => date.ToString("yyyy-MM-dd", invariant),
            FieldDataType.Date when DateTimeOffset.TryParse(value, invariant, DateTimeStyles.AssumeUniversal, out var dateTime) =>
                DateOnly.FromDateTime(dateTime.UtcDateTime).ToString("yyyy-MM-dd", invariant),
            FieldDataType.DateTime when DateTimeOffset.TryParse(value, invariant, DateTimeStyles.AssumeUniversal, out var instant) =>
                instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", invariant),
            _ => value,
        };
    }

    private static NumberFormatInfo WithCurrency(CultureInfo culture, string symbol)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = symbol;
        return format;
    }

    /// <summary>
    /// The value as a link target when it is an absolute http or https URL; anything else (javascript:, data:, relative
    /// paths) is null and must be shown as text only.
    /// </summary>
    public static Uri? SafeLink(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
}

/// <summary>How the reader's language says yes and no, for boolean fields.</summary>
public sealed record BooleanWords(string Yes, string No);
