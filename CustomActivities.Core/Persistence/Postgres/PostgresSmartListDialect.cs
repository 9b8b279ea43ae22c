using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CustomActivities.Core.SmartLists;

namespace CustomActivities.Core.Persistence.Postgres;

/// <summary>
/// Smart lists on PostgreSQL: fields read from the jsonb column with <c>-&gt;&gt;</c> (text), numbers through a cast that
/// cannot fail, text compared as citext (case ignored, as SQLite's NOCASE), dates compared character by character
/// (COLLATE "C", as SQLite's BINARY). The field indexes are partial expression indexes on the very expressions the
/// queries compare; PostgreSQL's planner picks them by itself, so the SQL names no index. PostgreSQL keeps no CREATE text
/// of its own (pg_indexes holds a normalised one), so each index carries its definition as its comment.
/// </summary>
internal sealed class PostgresSmartListDialect : SmartListDialect
{
    private const int MaxIdentifierBytes = 63;

    /// <summary>
    /// A number as float8 (SQLite's REAL) only when the text is one float8 accepts and cannot overflow (at most 200
    /// digits on each side of the point, an exponent of two digits); anything else, such as a value stored while the
    /// field was text, is NULL and matches no comparison, instead of failing the query. Only immutable functions: it is
    /// also the expression of the field's index.
    /// </summary>
    private const string NumberPattern = "'^ *[-+]?([0-9]{1,200}(\\.[0-9]{0,200})?|\\.[0-9]{1,200})([eE][-+]?[0-9]{1,2})? *$'";

    /// <summary>A name over 63 bytes would be cut by PostgreSQL (then never found again): such names end in a hash instead.</summary>
    public override string IndexName(ActivityFieldIndex index)
    {
        var name = index.Name;
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierBytes)
        {
            return name;
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..12].ToLowerInvariant();
        return $"{name[..(MaxIdentifierBytes - hash.Length - 1)]}_{hash}";
    }

    public override string Definition(ActivityFieldIndex index) =>
        $"CREATE INDEX \"{IndexName(index)}\" ON \"Activities\" ({Columns(index, $"({IndexedValue(index)})")}) " +
        $"WHERE \"ActivityTypeId\" = {index.TypeId.ToString(CultureInfo.InvariantCulture)}";

    public override IReadOnlyList<string> CreateIndexStatements(ActivityFieldIndex index) =>
    [
        Definition(index),
        $"COMMENT ON INDEX \"{IndexName(index)}\" IS '{Definition(index).Replace("'", "''")}'",
    ];

    /// <summary>The value exactly as <see cref="SmartListSql"/> compares it, so that the planner can match the index.</summary>
    private string IndexedValue(ActivityFieldIndex index)
    {
        var extract = Extract(index.FieldApiName, "");
        return index.Kind switch
        {
            ValueKind.Number => Number(extract, storedAsText: true),
            ValueKind.Text => Citext($"COALESCE({extract}, '')"),
            ValueKind.Date or ValueKind.DateTime => OrderedText(extract),
            _ => extract,
        };
    }

    public override async Task<IReadOnlyDictionary<string, string>> ExistingIndexesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.indexname, obj_description(format('%I.%I', i.schemaname, i.indexname)::regclass, 'pg_class')
            FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = 'Activities' AND left(i.indexname, length(@prefix)) = @prefix
            """;
        command.AddParameter("@prefix", ActivityFieldIndex.NamePrefix);
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }
        return existing;
    }

    public override string Extract(string validatedApiName, string alias) => $"({alias}\"Attributes\" ->> '{validatedApiName}')";

    internal override string ExtractByParameter(string apiName, Func<object, string> parameter) => $"(a.\"Attributes\" ->> {parameter(apiName)})";

    public override string Number(string value, bool storedAsText) => storedAsText
        ? $"CASE WHEN {value} ~ {NumberPattern} THEN CAST({value} AS double precision) END"
        : $"CAST({value} AS double precision)";

    public override string TextEquals(string text, string parameter) => $"{Citext(text)} = {Citext(parameter)}";

    public override string TextIn(string text, IEnumerable<string> parameters) =>
        $"{Citext(text)} IN ({string.Join(", ", parameters.Select(Citext))})";

    public override string TextLike(string text, string pattern) => $"{text} ILIKE {pattern} ESCAPE '\\'";

    public override string OrderedText(string value) => $"({value} COLLATE \"C\")";

    // ->> gives a JSON boolean as "true"/"false", the text a primary value holds too.
    internal override string IsBoolean(string value, bool truth, Func<object, string> parameter) => truth
        ? $"{value} IN ({parameter("true")}, {parameter("1")})"
        : $"{value} IN ({parameter("false")}, {parameter("0")})";

    public override string EmailDomain(string email) => $"substr({email}, strpos({email}, '@') + 1)";

    // PostgreSQL puts NULLs last in ascending order; SQLite first. A page must show the same people on both.
    public override string Nulls(bool descending) => descending ? " NULLS LAST" : " NULLS FIRST";

    public override bool HintsIndexes => false;

    /// <summary>
    /// No: Activities is partitioned by month, so asking about one person is a seek in each of the 42 partitions of the
    /// seeded database. A page read in sort order took 5.3 s there for 10,000 people, and PostgreSQL's planner used
    /// person-first indexes to answer a lone range on a field by probing every person (4,000 people: 250 ms against
    /// 46 ms through the value-first index), while at 10,000,000 activities it hashed the value-first index's matches
    /// instead of probing anyway; the indexes would only cost ingestion.
    /// </summary>
    public override bool CheapPersonProbes => false;

    public override string Hint(string index) => "";

    public override bool IsMissingIndex(Exception exception) => false;

    /// <summary>
    /// No: each part still hashed its filters' person ids from the heap, so at 10,000,000 activities the five-filter
    /// count took 11.8 s split in two against 10.1 s whole (p50 of 3, quiet machine, 2026-12-01).
    /// </summary>
    public override bool CountsInPersonRanges => false;

    /// <summary>
    /// A list's filters become <c>"Id" IN (subquery)</c> tests, and under OR PostgreSQL keeps them as subplans: hashed
    /// once if the matching person ids fit in work_mem (times hash_mem_multiplier), otherwise run again for every person.
    /// At 10,000,000 activities a field filter matches about a million rows, far past the default 4 MB, and a
    /// five-filter count did not finish in 30 s; with 64 MB it hashes (24 s there, still far from its 1 s target). JIT
    /// compiled ~1,200 functions for that plan (3.8 s) and buys nothing on such scans. Both settings last for this
    /// connection's lease only: Npgsql resets the session when the connection returns to the pool.
    /// </summary>
    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var settings = connection.CreateCommand();
        settings.CommandText = "SET work_mem = '64MB'; SET jit = off;";
        await settings.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>citext compares as lower() of both sides: SQLite's NOCASE for ASCII (and beyond it, by the database's locale).</summary>
    private static string Citext(string text) => $"CAST({text} AS citext)";
}
