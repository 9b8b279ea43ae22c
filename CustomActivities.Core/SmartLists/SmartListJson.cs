using System.Text.Json;
using System.Text.Json.Serialization;
using CustomActivities.Core.Results;

namespace CustomActivities.Core.SmartLists;

/// <summary>
/// A smart list's stored form: <c>{"version":1,"logic":"all","expression":null,"filters":[…]}</c> with enums as camelCase
/// names. The version lets a later format read (and migrate) older rows; a row that cannot be read yields a problem, not an exception.
/// </summary>
public static class SmartListJson
{
    private sealed record Document(int Version, SmartListLogic Logic, string? Expression, IReadOnlyList<SmartListFilter>? Filters);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Serialize(SmartListQuery query) =>
        JsonSerializer.Serialize(new Document(SmartListQuery.CurrentVersion, query.Logic, query.Expression, query.Filters), Options);

    public static Result<SmartListQuery> Deserialize(string? json)
    {
        try
        {
            var document = JsonSerializer.Deserialize<Document>(json ?? "", Options);
            if (document is null)
            {
                return Result.Failure<SmartListQuery>(new Problem("", SmartListProblems.Malformed, "The stored smart list is empty."));
            }
            if (document.Version != SmartListQuery.CurrentVersion)
            {
                return Result.Failure<SmartListQuery>(new Problem("", SmartListProblems.UnsupportedVersion,
                    $"The stored smart list has format version {document.Version}; this version reads {SmartListQuery.CurrentVersion}."));
            }
            return Result.Succeed(new SmartListQuery(document.Filters ?? [], document.Logic, document.Expression));
        }
        catch (JsonException exception)
        {
            return Result.Failure<SmartListQuery>(new Problem("", SmartListProblems.Malformed, $"The stored smart list cannot be read: {exception.Message}"));
        }
    }
}
