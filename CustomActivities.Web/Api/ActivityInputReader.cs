using System.Text;
using System.Text.Json;
using CustomActivities.Core.Activities;

namespace CustomActivities.Web.Api;

/// <summary>
/// Reads {"input":[{leadId, activityDate, activityTypeId | apiName, primaryAttributeValue, attributes:[{apiName | name, value}]}]}
/// with a Utf8JsonReader (no DOM, no reflection): the hot path of the API.
/// </summary>
public static class ActivityInputReader
{
    /// <summary>The records, or null and a reason when the body is not valid JSON of that shape (609).</summary>
    public static List<ActivityInput>? Read(ReadOnlySpan<byte> json, out string? error)
    {
        error = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "the body must be a JSON object";
                return null;
            }
            List<ActivityInput>? inputs = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("input"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        error = "'input' must be an array";
                        return null;
                    }
                    inputs = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            error = "each element of 'input' must be an object";
                            return null;
                        }
                        inputs.Add(ReadRecord(ref reader));
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (reader.Read())
            {
                error = "unexpected content after the object";
                return null;
            }
            return inputs ?? [];
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static ActivityInput ReadRecord(ref Utf8JsonReader reader)
    {
        var input = new ActivityInput();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("leadId"u8))
            {
                input.LeadId = ReadValue(ref reader);
            }
            else if (reader.ValueTextEquals("activityDate"u8))
            {
                input.ActivityDate = ReadValue(ref reader);
            }
            else if (reader.ValueTextEquals("activityTypeId"u8))
            {
                input.ActivityTypeId = ReadValue(ref reader);
            }
            else if (reader.ValueTextEquals("apiName"u8))
            {
                var value = ReadValue(ref reader);
                input.ApiName = value.Kind == ApiValueKind.String ? value.Text : null;
            }
            else if (reader.ValueTextEquals("primaryAttributeValue"u8))
            {
                input.PrimaryAttributeValue = ReadValue(ref reader);
            }
            else if (reader.ValueTextEquals("attributes"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    input.AttributesMalformed = true;
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        input.AttributesMalformed = true;
                        reader.Skip();
                        continue;
                    }
                    input.Attributes.Add(ReadAttribute(ref reader));
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return input;
    }

    private static AttributeInput ReadAttribute(ref Utf8JsonReader reader)
    {
        string? apiName = null;
        string? name = null;
        var value = ApiValue.Missing;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("apiName"u8))
            {
                apiName = ReadValue(ref reader).Text;
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = ReadValue(ref reader).Text;
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                value = ReadValue(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new AttributeInput(apiName, name, value);
    }

    /// <summary>Moves to the value after a property name and reads it as an <see cref="ApiValue"/>.</summary>
    public static ApiValue ReadValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return ApiValue.String(reader.GetString()!);
            case JsonTokenType.Number:
                return ApiValue.Number(Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return ApiValue.Boolean(true);
            case JsonTokenType.False:
                return ApiValue.Boolean(false);
            case JsonTokenType.Null:
                return ApiValue.Null;
            default:
                reader.Skip();
                return new ApiValue(ApiValueKind.Structured, null);
        }
    }
}
