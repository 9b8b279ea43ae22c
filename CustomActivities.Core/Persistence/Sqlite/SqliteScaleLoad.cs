using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Persistence.Sqlite;

/// <summary>
/// The scale seed's load on SQLite: people through one prepared statement in large transactions, a big page cache and
/// in-memory sorting, and the activity indexes rebuilt from the EF model's create script (so a rerun repairs an
/// interrupted load), then a WAL checkpoint that leaves one compact file.
/// </summary>
internal sealed partial class SqliteScaleLoad(SqliteDatabase database, IDbContextFactory<AppDbContext> contextFactory) : ScaleLoad
{
    private static readonly string[] LoadIndexes = ["IX_Activities_Person_Timeline", "IX_Activities_Person_Type_Timeline", "IX_Activities_Time", "IX_Activities_Type_Time", "IX_People_LastActivityAt"];

    public override async Task<IReadOnlyList<string>> BeginAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var createIndexes = await IndexScriptAsync(cancellationToken);
        await ExecuteAsync(string.Join("\n", LoadIndexes.Select(i => $"DROP INDEX IF EXISTS \"{i}\";")), cancellationToken);
        return [.. LoadIndexes.Select(i => createIndexes[i])];
    }

    public override async Task EndAsync(IReadOnlyList<string> rebuildIndexes, IProgress<ScaleSeedProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new ScaleSeedProgress("indexes", 0, rebuildIndexes.Count));
        for (var i = 0; i < rebuildIndexes.Count; i++)
        {
            await ExecuteAsync(rebuildIndexes[i], cancellationToken);
            progress?.Report(new ScaleSeedProgress("indexes", i + 1, rebuildIndexes.Count));
        }
        await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    public override async Task<IReadOnlyList<string>> IndexNamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT name FROM sqlite_master
            WHERE type = 'index' AND tbl_name IN ('People', 'Activities') AND name NOT LIKE 'sqlite_autoindex%'
            ORDER BY name;
            """;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    public override Task<int> InsertPeopleAsync(IEnumerable<SeedPerson> people, int count, IProgress<ScaleSeedProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO People (Email, FirstName, LastName, Company, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy)
            VALUES ($email, $first, $last, $company, $created, 'seed', $created, 'seed') RETURNING Id;
            """;
        var parameters = new[] { "$email", "$first", "$last", "$company", "$created" }
            .Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        command.Prepare();
        var firstId = 0;
        const int TransactionSize = 100_000;
        using var person = people.GetEnumerator();
        var more = true;
        for (var done = 0; more && done < count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var transaction = connection.BeginTransaction();
            command.Transaction = transaction;
            var end = Math.Min(count, done + TransactionSize);
            for (; done < end && (more = person.MoveNext()); done++)
            {
                parameters[0].Value = person.Current.Email;
                parameters[1].Value = person.Current.FirstName;
                parameters[2].Value = person.Current.LastName;
                parameters[3].Value = person.Current.Company;
                parameters[4].Value = person.Current.CreatedAt;
                var id = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (done == 0)
                {
                    firstId = id;
                }
            }
            transaction.Commit();
            progress?.Report(new ScaleSeedProgress("people", done, count));
        }
        return Task.FromResult(firstId);
    }

    private async Task<Dictionary<string, string>> IndexScriptAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var script = context.Database.GenerateCreateScript();
        var result = new Dictionary<string, string>();
        foreach (Match match in CreateIndex().Matches(script))
        {
            result[match.Groups["name"].Value] = match.Value.Replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS");
        }
        return LoadIndexes.All(result.ContainsKey)
            ? result
            : throw new InvalidOperationException("The EF model lacks an index the seeder rebuilds: " + string.Join(", ", LoadIndexes.Where(i => !result.ContainsKey(i))));
    }

    [GeneratedRegex("""CREATE INDEX "(?<name>[^"]+)"[^;]*;""")]
    private static partial Regex CreateIndex();

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        SqliteConnectionSetup.Apply(connection);
        using var command = connection.CreateCommand();
        // A large page cache and in-memory sorting for the bulk load and the index rebuilds.
        command.CommandText = "PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY; PRAGMA threads=4;";
        command.ExecuteNonQuery();
        return connection;
    }
}
