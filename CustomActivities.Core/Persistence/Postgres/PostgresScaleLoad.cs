using Npgsql;
using NpgsqlTypes;

namespace CustomActivities.Core.Persistence.Postgres;

/// <summary>
/// The scale seed's load on PostgreSQL: the monthly partitions of the seed's span are created first (otherwise every
/// row lands in the DEFAULT partition), people go in by binary COPY, and the secondary (non-unique) indexes of People
/// and of the partitioned Activities are dropped during the load and recreated afterwards from their own definitions,
/// each built once per partition with a large sort memory. VACUUM ANALYZE at the end gives the planner its statistics
/// and sets the visibility map, without which the timeline's index-only scans would visit every heap page.
/// </summary>
internal sealed class PostgresScaleLoad(NpgsqlDataSource dataSource, ActivityPartitionMaintainer partitions) : ScaleLoad
{
    private const string CopyPeople = """
        COPY "People" ("Email", "FirstName", "LastName", "Company", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
        FROM STDIN (FORMAT BINARY)
        """;

    private const string SecondaryIndexes = """
        SELECT i.relname, pg_get_indexdef(i.oid)
        FROM pg_index AS x
        JOIN pg_class AS i ON i.oid = x.indexrelid
        JOIN pg_class AS t ON t.oid = x.indrelid
        WHERE t.relnamespace = current_schema()::regnamespace AND t.relname IN ('Activities', 'People')
          AND NOT x.indisunique AND NOT x.indisprimary
        ORDER BY t.relname, i.relname;
        """;

    private const int CopySize = 100_000;

    public override async Task<IReadOnlyList<string>> BeginAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await partitions.CreateMonthsAsync(DateOnly.FromDateTime(from.UtcDateTime), DateOnly.FromDateTime(until.UtcDateTime.AddTicks(-1)), cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var indexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand(SecondaryIndexes, connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        if (indexes.Count > 0)
        {
            await using var drop = new NpgsqlCommand(string.Join("\n", indexes.Select(i => $"DROP INDEX {Quote(i.Name)};")), connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        // pg_get_indexdef writes a partitioned table's index "ON ONLY" (pg_dump's form, which leaves the partitions
        // without it); without ONLY it is built on every partition.
        return [.. indexes.Select(i => i.Definition.Replace(" ON ONLY ", " ON ", StringComparison.Ordinal) + ";")];
    }

    public override async Task<int> InsertPeopleAsync(IEnumerable<SeedPerson> people, int count, IProgress<ScaleSeedProgress>? progress,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var person = people.GetEnumerator();
        var more = true;
        for (var done = 0; more && done < count;)
        {
            // One COPY (and transaction) per chunk, for the progress bar.
            await using (var import = await connection.BeginBinaryImportAsync(CopyPeople, cancellationToken))
            {
                var end = Math.Min(count, done + CopySize);
                for (; done < end && (more = person.MoveNext()); done++)
                {
                    var p = person.Current;
                    await import.StartRowAsync(cancellationToken);
                    await import.WriteAsync(p.Email, NpgsqlDbType.Citext, cancellationToken);
                    await import.WriteAsync(p.FirstName, NpgsqlDbType.Citext, cancellationToken);
                    await import.WriteAsync(p.LastName, NpgsqlDbType.Citext, cancellationToken);
                    await import.WriteAsync(p.Company, NpgsqlDbType.Citext, cancellationToken);
                    await import.WriteAsync(p.CreatedAt, NpgsqlDbType.Bigint, cancellationToken);
                    await import.WriteAsync("seed", NpgsqlDbType.Varchar, cancellationToken);
                    await import.WriteAsync(p.CreatedAt, NpgsqlDbType.Bigint, cancellationToken);
                    await import.WriteAsync("seed", NpgsqlDbType.Varchar, cancellationToken);
                }
                await import.CompleteAsync(cancellationToken);
            }
            progress?.Report(new ScaleSeedProgress("people", done, count));
        }
        // COPY returns no ids; the table was empty, so the first person has the smallest.
        await using var first = new NpgsqlCommand("""SELECT MIN("Id") FROM "People";""", connection);
        return (int)(await first.ExecuteScalarAsync(cancellationToken))!;
    }

    public override async Task EndAsync(IReadOnlyList<string> rebuildIndexes, IProgress<ScaleSeedProgress>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB';", cancellationToken);
        progress?.Report(new ScaleSeedProgress("indexes", 0, rebuildIndexes.Count));
        for (var i = 0; i < rebuildIndexes.Count; i++)
        {
            await ExecuteAsync(connection, rebuildIndexes[i], cancellationToken);
            progress?.Report(new ScaleSeedProgress("indexes", i + 1, rebuildIndexes.Count));
        }
        // VACUUM of a partitioned table processes every partition.
        await ExecuteAsync(connection, """VACUUM (ANALYZE) "People";""", cancellationToken);
        await ExecuteAsync(connection, """VACUUM (ANALYZE) "Activities";""", cancellationToken);
    }

    public override async Task<IReadOnlyList<string>> IndexNamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('People', 'Activities');
            """, connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return [.. names.Order(StringComparer.Ordinal)];
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
