using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>A JSON Schema (2020-12) of an approved version's fields, for the people who implement the API side.</summary>
public static class ActivityTypeSchema
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Export(string apiName, VersionView version)
    {
        var properties = new JsonObject();
        foreach (var field in version.AllFields)
        {
            var property = Property(field.DataType);
            property["title"] = field.DisplayName;
            if (!string.IsNullOrWhiteSpace(field.Description))
            {
                property["description"] = field.Description;
            }
            property["x-dataType"] = field.DataType.ToWire();
            properties[field.ApiName] = property;
        }
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:customactivities:activity-type:{apiName}:v{version.Number}",
            ["title"] = version.DisplayName,
            ["description"] = version.Description ?? "",
            ["type"] = "object",
            ["x-apiName"] = apiName,
            ["x-version"] = version.Number,
            ["x-primaryField"] = version.PrimaryField.ApiName,
            ["x-triggerName"] = version.TriggerName,
            ["x-filterName"] = version.FilterName,
            ["properties"] = properties,
            ["required"] = new JsonArray(version.PrimaryField.ApiName),
            ["additionalProperties"] = false,
        };
        return schema.ToJsonString(Indented);
    }

    private static JsonObject Property(FieldDataType dataType) => dataType switch
    {
        FieldDataType.String => new() { ["type"] = "string", ["maxLength"] = 255 },
        FieldDataType.Text => new() { ["type"] = "string" },
        FieldDataType.Integer => new() { ["type"] = "integer" },
        FieldDataType.Float => new() { ["type"] = "number" },
        FieldDataType.Currency => new() { ["type"] = "number" },
        FieldDataType.Boolean => new() { ["type"] = "boolean" },
        FieldDataType.Email => new() { ["type"] = "string", ["format"] = "email" },
        FieldDataType.Phone => new() { ["type"] = "string", ["maxLength"] = 255 },
        FieldDataType.Link => new() { ["type"] = "string", ["format"] = "uri" },
        FieldDataType.Date => new() { ["type"] = "string", ["format"] = "date" },
        FieldDataType.DateTime => new() { ["type"] = "string", ["format"] = "date-time" },
        _ => new() { ["type"] = "string" },
    };
}
