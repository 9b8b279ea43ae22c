using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>
/// Activities per type, counted only for the types asked for, each with a seek on IX_Activities_Type_Time, so a page
/// costs what its own types hold (at most <see cref="ListCap"/> each on the list) instead of a pass over every activity.
/// </summary>
internal static class ActivityCounts
{
    /// <summary>The list shows "10,000+" beyond this: an exact figure there would cost a pass over that type's rows.</summary>
    public const long ListCap = 10_000;

    /// <summary>No cap (a LIMIT both providers read as none: SQLite refuses NULL, PostgreSQL a negative one).</summary>
    public const long Exact = long.MaxValue;

    /// <summary>The counts of the given types (ids as parameters, one each: both providers take a list of them).</summary>
    internal static string Sql(int typeCount) => $"""
        SELECT t."Id", (SELECT COUNT(*) FROM (SELECT 1 FROM "Activities" AS a WHERE a."ActivityTypeId" = t."Id" LIMIT @cap) AS capped)
        FROM "ActivityTypes" AS t
        WHERE t."Id" IN ({string.Join(", ", Enumerable.Range(0, typeCount).Select(i => $"@id{i}"))});
        """;

    public static async Task<Dictionary<int, long>> ForTypesAsync(AppDbContext context, IEnumerable<int> typeIds, long cap,
        CancellationToken cancellationToken)
    {
        var ids = typeIds.Distinct().ToList();
        var counts = new Dictionary<int, long>();
        if (ids.Count == 0)
        {
            return counts;
        }
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql(ids.Count);
            command.AddParameter("@cap", cap);
            for (var i = 0; i < ids.Count; i++)
            {
                command.AddParameter($"@id{i}", ids[i]);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetInt32(0)] = reader.GetInt64(1);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
        return counts;
    }
}
