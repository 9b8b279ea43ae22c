using System.Data.Common;
using System.Linq.Expressions;

namespace CustomActivities.Core.Persistence;

/// <summary>
/// The few pieces of hand-written SQL (and of LINQ over NOCASE columns) whose spelling differs between the providers;
/// the features write the rest of their SQL once, portable (quoted identifiers, <c>@name</c> parameters), and splice
/// these in. One implementation per provider, registered by its engine.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>
    /// A hint after <c>FROM "Table"</c> pinning the index a statement was written for (SQLite's planner can drift to a
    /// sort); empty where the planner has no hints and chooses by statistics.
    /// </summary>
    internal abstract string IndexedBy(string index);

    /// <summary>The operator of <c>column OP @pattern ESCAPE '\'</c> that ignores case, as SQLite's LIKE does.</summary>
    internal abstract string LikeIgnoringCase { get; }

    /// <summary>
    /// The keyset condition "(at, id) comes after (@at, @id)" in the form the provider's planner turns into an index
    /// range on an (at, id) index.
    /// </summary>
    internal abstract string After(string atColumn, string idColumn, string atParameter, string idParameter);

    /// <summary>
    /// Appended to a keyset condition on (at, id): a plain bound on <paramref name="atColumn"/> that the row comparison
    /// implies, for a planner that prunes partitions by the plain form only; empty where nothing is partitioned.
    /// </summary>
    internal abstract string PartitionBound(string atColumn, string atParameter, bool newer);

    /// <summary>
    /// One person's activities counted per day (parameters @person, @offset, @day, @min, @max; columns d and its count,
    /// ordered by d). <paramref name="seekPerDay"/> is the portable form, one index seek per active day, which suits a
    /// single index; a provider whose table is split in partitions may count in one pass instead.
    /// </summary>
    internal virtual string DailyCounts(string seekPerDay) => seekPerDay;

    /// <summary>The query plan of a command, one line per step, without running it.</summary>
    public abstract Task<IReadOnlyList<string>> ExplainAsync(DbCommand command, CancellationToken cancellationToken = default);

    /// <summary>
    /// "The text starts with <paramref name="prefix"/>, ignoring case" over a case-insensitive (SQLite NOCASE,
    /// PostgreSQL citext) column, written so that the column's prefix index answers it with a range seek.
    /// </summary>
    internal abstract Expression<Func<string?, bool>> StartsWithIgnoringCase(string prefix);

    /// <summary>The key to sort a case-insensitive column by, served by the same index as its prefix search.</summary>
    internal abstract Expression<Func<string?, string?>> SortKeyIgnoringCase { get; }

    /// <summary>
    /// The same order, for pages whose rows a prefix on other columns picks: the planner must filter first and sort
    /// the matches, not walk this column's index in order hoping to meet 25 matches soon (they may all lie at its end).
    /// </summary>
    internal abstract Expression<Func<string?, string?>> SortKeyIgnoringCaseAfterFilter { get; }
}
