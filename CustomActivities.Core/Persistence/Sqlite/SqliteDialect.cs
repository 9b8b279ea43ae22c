using System.Data.Common;
using System.Linq.Expressions;

namespace CustomActivities.Core.Persistence.Sqlite;

/// <summary>SQLite's spelling: INDEXED BY hints, LIKE (case-insensitive for ASCII), the OR form of keyset seeks, NOCASE ranges.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    internal override string IndexedBy(string index) => $"INDEXED BY \"{index}\"";

    internal override string LikeIgnoringCase => "LIKE";

    internal override string After(string atColumn, string idColumn, string atParameter, string idParameter) =>
        $"({atColumn} > {atParameter} OR ({atColumn} = {atParameter} AND {idColumn} > {idParameter}))";

    internal override string PartitionBound(string atColumn, string atParameter, bool newer) => "";

    public override async Task<IReadOnlyList<string>> ExplainAsync(DbCommand command, CancellationToken cancellationToken = default)
    {
        var text = command.CommandText;
        command.CommandText = "EXPLAIN QUERY PLAN " + text;
        try
        {
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                plan.Add(reader.GetString(3));
            }
            return plan;
        }
        finally
        {
            command.CommandText = text;
        }
    }

    /// <summary>
    /// A range [lo, hi) holding every string that starts with the prefix under NOCASE (which folds ASCII to lower
    /// case, so the bounds are lower-cased first): "Ab" gives ["ab", "ac"), a seek on the column's NOCASE index.
    /// </summary>
    internal override Expression<Func<string?, bool>> StartsWithIgnoringCase(string prefix)
    {
        var lo = prefix.ToLowerInvariant();
        var last = lo[^1];
        var hi = last == char.MaxValue ? lo + char.MaxValue : lo[..^1] + (char)(last + 1);
        return column => string.Compare(column, lo) >= 0 && string.Compare(column, hi) < 0;
    }

    /// <summary>The NOCASE column itself: its index is in that order.</summary>
    internal override Expression<Func<string?, string?>> SortKeyIgnoringCase { get; } = column => column;

    /// <summary>The column as well: SQLite's plans for these pages are settled (its tests read them).</summary>
    internal override Expression<Func<string?, string?>> SortKeyIgnoringCaseAfterFilter { get; } = column => column;
}
