using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomActivities.Web.Components.Pages.AuditLog;

/// <summary>One field of an audited change as people read it: its name, and its value before and after (null: absent).</summary>
public sealed record AuditChangeRow(string Field, string? Before, string? After)
{
    public bool Changed => Before != After;
}

/// <summary>
/// Turns the JSON snapshots of an audit entry into field rows ("roles: Marketer → Admin"). A snapshot that is not a
/// JSON object (or not JSON at all, as early entries may be) becomes one row holding its text: a stored value never breaks the page.
/// </summary>
public static class AuditChangeRows
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<AuditChangeRow> From(string? before, string? after)
    {
        var (beforeFields, beforeText) = Fields(before);
        var (afterFields, afterText) = Fields(after);
        if (beforeText is not null || afterText is not null)
        {
            return [new AuditChangeRow("", beforeText ?? Join(beforeFields), afterText ?? Join(afterFields))];
        }
        return beforeFields.Keys.Union(afterFields.Keys)
            .Select(field => new AuditChangeRow(field, beforeFields.GetValueOrDefault(field), afterFields.GetValueOrDefault(field)))
            .ToList();
    }

    private static (Dictionary<string, string?> Fields, string? Text) Fields(string? json)
    {
        if (json is null)
        {
            return ([], null);
        }
        try
        {
            return JsonNode.Parse(json) is JsonObject obj
                ? (obj.ToDictionary(p => p.Key, p => Readable(p.Value)), null)
                : ([], json);
        }
        catch (JsonException)
        {
            return ([], json);
        }
    }

    private static string? Join(Dictionary<string, string?> fields) =>
        fields.Count == 0 ? null : string.Join(", ", fields.Select(f => $"{f.Key}: {f.Value}"));

    /// <summary>Scalars as they are, lists of scalars comma-separated, anything deeper as compact JSON.</summary>
    private static string? Readable(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value => value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(Relaxed),
        JsonArray array when array.All(item => item is JsonValue or null) => string.Join(", ", array.Select(Readable)),
        _ => node.ToJsonString(Relaxed),
    };
}
