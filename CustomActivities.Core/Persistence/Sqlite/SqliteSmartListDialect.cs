using System.Data.Common;
using System.Globalization;
using CustomActivities.Core.SmartLists;
using Microsoft.Data.Sqlite;

namespace CustomActivities.Core.Persistence.Sqlite;

/// <summary>
/// Smart lists on SQLite: fields read with json_extract, text compared COLLATE NOCASE, the field indexes named with
/// INDEXED BY (SQLite's planner, without statistics, does not choose an expression index), their definitions read from
/// sqlite_master, whose text is the CREATE statement itself.
/// </summary>
internal sealed class SqliteSmartListDialect : SmartListDialect
{
    public override string Definition(ActivityFieldIndex index) =>
        $"CREATE INDEX \"{index.Name}\" ON \"Activities\" ({Columns(index, IndexedValue(index))}) " +
        $"WHERE \"ActivityTypeId\" = {index.TypeId.ToString(CultureInfo.InvariantCulture)}";

    public override IReadOnlyList<string> CreateIndexStatements(ActivityFieldIndex index) => [Definition(index)];

    /// <summary>The value exactly as <see cref="SmartListSql"/> compares it, without the alias (SQLite matches the identical expression only).</summary>
    private string IndexedValue(ActivityFieldIndex index)
    {
        var extract = Extract(index.FieldApiName, "");
        return index.Kind switch
        {
            ValueKind.Number => Number(extract, storedAsText: true),
            ValueKind.Text => $"COALESCE({extract}, '') COLLATE NOCASE",
            _ => extract,
        };
    }

    public override async Task<IReadOnlyDictionary<string, string>> ExistingIndexesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Activities' AND substr(name, 1, length($prefix)) = $prefix";
        command.Parameters.Add(new SqliteParameter("$prefix", ActivityFieldIndex.NamePrefix));
        // SQLite names ignore case: so does this dictionary.
        var existing = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }
        return existing;
    }

    public override string Extract(string validatedApiName, string alias) => $"json_extract({alias}\"Attributes\", '$.{validatedApiName}')";

    internal override string ExtractByParameter(string apiName, Func<object, string> parameter) =>
        $"json_extract(a.\"Attributes\", {parameter("$.\"" + apiName.Replace("\"", "\\\"") + "\"")})";

    public override string Number(string value, bool storedAsText) => $"CAST({value} AS REAL)";

    // One IN, not ORed equalities: SQLite seeks an index (NOCASE) for each value of an IN.
    public override string TextEquals(string text, string parameter) => $"{text} = {parameter} COLLATE NOCASE";

    public override string TextIn(string text, IEnumerable<string> parameters) => $"{text} COLLATE NOCASE IN ({string.Join(", ", parameters)})";

    // SQLite's LIKE ignores ASCII case.
    public override string TextLike(string text, string pattern) => $"{text} LIKE {pattern} ESCAPE '\\'";

    // SQLite compares text with BINARY unless told otherwise: character by character already.
    public override string OrderedText(string value) => value;

    // A primary value holds "true"/"false"; json_extract gives 1/0 for a secondary field's JSON boolean.
    internal override string IsBoolean(string value, bool truth, Func<object, string> parameter) => truth
        ? $"{value} IN ({parameter("true")}, {parameter(1L)})"
        : $"{value} IN ({parameter("false")}, {parameter(0L)})";

    public override string EmailDomain(string email) => $"substr({email}, instr({email}, '@') + 1)";

    // SQLite puts NULLs first in ascending order and last in descending order, and reads its indexes that way.
    public override string Nulls(bool descending) => "";

    public override bool HintsIndexes => true;

    public override string Hint(string index) => $" INDEXED BY \"{index}\"";

    public override bool IsMissingIndex(Exception exception) => exception is SqliteException e
        && (e.Message.Contains("no such index", StringComparison.Ordinal) || e.Message.Contains("no query solution", StringComparison.Ordinal));

    /// <summary>
    /// A list of hundreds of thousands of people is a temporary B-tree, and SQLite's default keeps those in a temporary
    /// file, which tripled the time of a five-filter count at 1,000,000 people. In memory it costs a few bytes per
    /// person, for the length of one query (the evaluator's connection is its own, never pooled).
    /// </summary>
    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA temp_store=MEMORY;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }
}
