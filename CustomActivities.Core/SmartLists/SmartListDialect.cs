using System.Data.Common;

namespace CustomActivities.Core.SmartLists;

/// <summary>
/// What smart list SQL writes differently per database product: how a secondary field is read from the activity's JSON,
/// how text compares ignoring case, index hints, and the field indexes themselves (their CREATE statements and where the
/// database lists them). <see cref="SmartListSql"/> writes everything else once, with quoted identifiers and @-parameters.
/// Only integer ids and validated API names (letters and digits) ever reach these methods as text written into SQL;
/// every user value arrives as a parameter name.
/// </summary>
public abstract class SmartListDialect
{
    // ---- Field indexes ----

    /// <summary>The index's name in this database (PostgreSQL cuts names at 63 bytes).</summary>
    public virtual string IndexName(ActivityFieldIndex index) => index.Name;

    /// <summary>The text that identifies the index's definition; start-up compares it with what the database holds.</summary>
    public abstract string Definition(ActivityFieldIndex index);

    /// <summary>
    /// Whether asking about one person is a seek or two, so that plans made of per-person probes pay: number and date
    /// fields then also get a person-first index (<see cref="ActivityFieldIndex.ByPerson"/>), and a page of a list that
    /// holds many people reads people in sort order, asking each (<see cref="SmartListOptions.PageInSortOrderMaxPeople"/>).
    /// </summary>
    public virtual bool CheapPersonProbes => true;

    /// <summary>The index's columns around its value: value first, or person first (<see cref="ActivityFieldIndex.ByPerson"/>).</summary>
    protected static string Columns(ActivityFieldIndex index, string value) => index.ByPerson
        ? $"\"PersonId\", {value}, \"OccurredAt\""
        : $"{value}, \"PersonId\", \"OccurredAt\"";

    /// <summary>The statements that create the index so that <see cref="ExistingIndexesAsync"/> reads back its definition.</summary>
    public abstract IReadOnlyList<string> CreateIndexStatements(ActivityFieldIndex index);

    /// <summary>The field indexes the database holds now (by name), with their definitions ("" when unknown).</summary>
    public abstract Task<IReadOnlyDictionary<string, string>> ExistingIndexesAsync(DbConnection connection, CancellationToken cancellationToken);

    // ---- Values ----

    /// <summary>A secondary field read from the JSON of activity alias <paramref name="alias"/> ("a." or ""), as text or the JSON scalar.</summary>
    public abstract string Extract(string validatedApiName, string alias);

    /// <summary>The same for a field whose name is not a valid API name: the name travels as a parameter.</summary>
    internal abstract string ExtractByParameter(string apiName, Func<object, string> parameter);

    /// <summary>A stored value as a number; <paramref name="storedAsText"/> is false for integer columns (a standard type's id).</summary>
    public abstract string Number(string value, bool storedAsText);

    /// <summary>A stored text (already COALESCEd to '') equal to the parameter, ignoring case.</summary>
    public abstract string TextEquals(string text, string parameter);

    /// <summary>A stored text equal to any of the parameters, ignoring case.</summary>
    public abstract string TextIn(string text, IEnumerable<string> parameters);

    /// <summary>A stored text matching a LIKE pattern (with \ as escape), ignoring case.</summary>
    public abstract string TextLike(string text, string pattern);

    /// <summary>A stored date or date-time text as it orders: character by character, as ISO dates need.</summary>
    public abstract string OrderedText(string value);

    /// <summary>A stored boolean (a primary value "true"/"false" or a JSON boolean) that is true or false.</summary>
    internal abstract string IsBoolean(string value, bool truth, Func<object, string> parameter);

    /// <summary>The part of an email after its '@' (the whole email when it has none).</summary>
    public abstract string EmailDomain(string email);

    /// <summary>Written after a column of ORDER BY: where NULLs go (both products must page alike).</summary>
    public abstract string Nulls(bool descending);

    // ---- Access paths ----

    /// <summary>Whether the SQL names indexes (<c>INDEXED BY</c>): only where the planner would not pick them itself.</summary>
    public abstract bool HintsIndexes { get; }

    /// <summary>Written after a table and its alias to name the index it must read.</summary>
    public abstract string Hint(string index);

    /// <summary>True when the database refused a statement because a named index is gone (then it runs without names).</summary>
    public abstract bool IsMissingIndex(Exception exception);

    /// <summary>Whether a count over everybody gains from being split into person-id ranges on several connections.</summary>
    public virtual bool CountsInPersonRanges => true;

    /// <summary>Sets up a connection for smart list queries, once after it opens.</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
}
