using System.Text.Json;
using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Web.Api;

/// <summary>
/// Reads the bodies of the activity type write endpoints into Core's partial requests. Only the shape is checked here
/// (a body of another shape is 609, as for the other endpoints); what the values mean is for the activity type service.
/// Unknown properties are ignored, and null counts as not sent.
/// </summary>
public static class ActivityTypeRequestReader
{
    /// <summary>{apiName, name, description, triggerName, filterName, primaryAttribute:{apiName, name, description, dataType}}.</summary>
    public static TypeChange? ReadType(JsonElement root, out string? error) => Read(root, out error, body => new TypeChange(
        String(body, "apiName"), String(body, "name"), String(body, "description"), String(body, "triggerName"), String(body, "filterName"),
        Object(body, "primaryAttribute") is { } primary ? Attribute(primary) : null));

    /// <summary>{"attributes":[{apiName, name, description, dataType, isPrimary}]}; a missing list reads as empty (1002 from the service).</summary>
    public static List<AttributeChange>? ReadAttributes(JsonElement root, out string? error) => Read(root, out error, body =>
    {
        if (!body.TryGetProperty("attributes", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new BodyShapeException("'attributes' must be an array");
        }
        return list.EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.Object ? Attribute(item) : throw new BodyShapeException("each element of 'attributes' must be an object"))
            .ToList();
    });

    private static T? Read<T>(JsonElement root, out string? error, Func<JsonElement, T> read) where T : class
    {
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "the body must be a JSON object";
            return null;
        }
        try
        {
            return read(root);
        }
        catch (BodyShapeException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static AttributeChange Attribute(JsonElement item) => new(
        String(item, "apiName"), String(item, "name"), String(item, "description"), String(item, "dataType"), Boolean(item, "isPrimary"));

    private static string? String(JsonElement parent, string name) => Property(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw new BodyShapeException($"'{name}' must be a string"),
    };

    private static bool? Boolean(JsonElement parent, string name) => Property(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new BodyShapeException($"'{name}' must be true or false"),
    };

    private static JsonElement? Object(JsonElement parent, string name) => Property(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => value,
        _ => throw new BodyShapeException($"'{name}' must be an object"),
    };

    private static JsonElement? Property(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private sealed class BodyShapeException(string message) : Exception(message);
}
