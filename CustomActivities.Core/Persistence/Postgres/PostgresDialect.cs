using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Persistence.Postgres;

/// <summary>
/// PostgreSQL's spelling: no index hints (the planner goes by statistics), ILIKE, row-value keyset seeks, and
/// case-insensitive prefixes on <c>lower(column) COLLATE "C"</c> expression indexes.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    /// <summary>The collation of the prefix indexes (migration PeoplePrefixIndexes): byte order, as SQLite's NOCASE.</summary>
    public const string PrefixCollation = "C";

    internal override string IndexedBy(string index) => "";

    internal override string LikeIgnoringCase => "ILIKE";

    /// <summary>A row comparison is an index condition on (at, id); the OR form would only be a filter.</summary>
    internal override string After(string atColumn, string idColumn, string atParameter, string idParameter) =>
        $"({atColumn}, {idColumn}) > ({atParameter}, {idParameter})";

    /// <summary>
    /// Activities is partitioned by month of OccurredAt, and PostgreSQL prunes partitions by a plain comparison, never
    /// by a row comparison: without this bound a page deep in a timeline plans and opens every month's partition
    /// (planning alone took 6.5 of its 8.5 ms on 42 partitions); with it only the months on the cursor's side.
    /// </summary>
    internal override string PartitionBound(string atColumn, string atParameter, bool newer) =>
        newer ? $" AND {atColumn} >= {atParameter}" : $" AND {atColumn} <= {atParameter}";

    /// <summary>
    /// One pass over the person's range of the timeline index, grouped: the portable form seeks twice per active day,
    /// and on the monthly partitions each seek opens every month (100,000 activities on 1,100 days: 290 ms, against
    /// about 30 ms for an index-only scan of 100,000 entries and a sort).
    /// </summary>
    internal override string DailyCounts(string seekPerDay) => """
        SELECT ("OccurredAt" + @offset) / @day AS d, COUNT(*)
        FROM "Activities"
        WHERE "PersonId" = @person AND "OccurredAt" >= @min AND "OccurredAt" < @max
        GROUP BY 1
        ORDER BY 1
        """;

    public override async Task<IReadOnlyList<string>> ExplainAsync(DbCommand command, CancellationToken cancellationToken = default)
    {
        var text = command.CommandText;
        command.CommandText = "EXPLAIN " + text;
        try
        {
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                plan.Add(reader.GetString(0));
            }
            return plan;
        }
        finally
        {
            command.CommandText = text;
        }
    }

    /// <summary>
    /// <c>lower(column) COLLATE "C" LIKE 'ab%'</c>. Why not a range on the citext column, as on SQLite: citext compares
    /// under the database's collation, and a linguistic one (en_US) ignores punctuation at first, so "ada.x" falls
    /// outside ["ada.", "ada/") and "a-bc" inside ["ab", "ac"): the range would miss and add rows. Under the "C"
    /// collation a LIKE with a fixed prefix is a byte range on the expression index, whatever the database's
    /// collation, and the same index gives the sort order (<see cref="SortKeyIgnoringCase"/>), so a page of 25 of a
    /// common prefix reads 25 index entries instead of sorting every match. The user's %, _ and \ are escaped.
    /// </summary>
    internal override Expression<Func<string?, bool>> StartsWithIgnoringCase(string prefix)
    {
        var pattern = SqlLike.Escape(prefix.ToLowerInvariant()) + "%";
        return column => EF.Functions.Like(EF.Functions.Collate(column!.ToLower(), PrefixCollation), pattern, "\\");
    }

    /// <summary>Lower case in byte order: SQLite's NOCASE order for ASCII, and the order of the prefix indexes.</summary>
    internal override Expression<Func<string?, string?>> SortKeyIgnoringCase { get; } =
        column => EF.Functions.Collate(column!.ToLower(), PrefixCollation);

    /// <summary>
    /// POSIX orders exactly as C, but no index is in that collation, so PostgreSQL cannot walk the sort column's index
    /// and filter (costed as if matches were spread evenly, it would read from the index's start until 25 rows match,
    /// and matches cluster: "noah" as a first name sits with the "noah.…" emails); it collects the matches through the
    /// prefix indexes and keeps the top of them.
    /// </summary>
    internal override Expression<Func<string?, string?>> SortKeyIgnoringCaseAfterFilter { get; } =
        column => EF.Functions.Collate(column!.ToLower(), "POSIX");
}
