using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace CustomActivities.Web.Api;

/// <summary>The query values the endpoints read themselves, refused in the Marketo envelope (never the framework's bodiless 400).</summary>
public static class ApiQuery
{
    /// <summary>Comma-separated (or repeated) values, trimmed, empty ones dropped.</summary>
    public static List<string> Values(StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>Comma-separated (or repeated) ids: 1001 in Marketo's wording for one that is not an integer, 1003 for more than <paramref name="max"/>.</summary>
    public static IResult? Ints(StringValues values, string parameter, out List<int> ids, int max = int.MaxValue)
    {
        ids = [];
        foreach (var part in Values(values))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return Envelope.Error(ApiErrors.WrongType(part, "integer"));
            }
            ids.Add(id);
        }
        return ids.Count > max ? Envelope.Error(ApiErrors.Invalid($"Too many values in '{parameter}': at most {max}")) : null;
    }

    /// <summary>batchSize, 1 to <paramref name="max"/> (the default); 1003 otherwise.</summary>
    public static IResult? BatchSize(IQueryCollection query, int max, out int batchSize)
    {
        batchSize = max;
        if (query["batchSize"].FirstOrDefault() is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out batchSize) || batchSize < 1 || batchSize > max))
        {
            return Envelope.Error(ApiErrors.Invalid($"batchSize must be 1 to {max}"));
        }
        return null;
    }
}
