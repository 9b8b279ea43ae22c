using System.Diagnostics;
using System.Net.Http.Headers;
using CustomActivities.Core.Activities;
using CustomActivities.Core.Persistence;
using CustomActivities.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NpgsqlTypes;
using static CustomActivities.Benchmarks.IngestBenchmark;

namespace CustomActivities.Benchmarks;

/// <summary>
/// <c>ingest --provider postgres</c>: activities per second through the real HTTP API on PostgreSQL (Kestrel on loopback,
/// batches of 300, 4 clients) against the raw COPY floor measured in the same run: the same rows in one binary COPY
/// per 300-row transaction, on one connection, into the same table. A scratch database is created on the server of
/// <c>--postgres "Host=..."</c> (default: the local server, user postgres) and dropped at the end.
/// </summary>
public static class PostgresIngestBenchmark
{
    private const string LocalServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 20);
        var rounds = Math.Max(1, Option(args, "--rounds", 4));
        var clients = Option(args, "--clients", 4);
        var warmup = Option(args, "--warmup", 3);
        var server = CommandLine.Option(args, "--postgres") ?? LocalServer;
        var name = $"ingest_bench_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 64 }.ToString();
        var port = FreePort();
        Console.WriteLine($"ingest on PostgreSQL: {clients} concurrent clients, batches of {BatchSize}, {seconds} s measured after {warmup} s warm-up; Release={IsRelease()}; cores={Environment.ProcessorCount}");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            await using var app = IngestBenchmark.BuildApp(
                ["--Database:Provider=Postgres", $"--ConnectionStrings:{DatabaseOptions.PostgresConnectionName}={connectionString}"], port);
            await app.InitializeDatabaseAsync(seedDemo: false);
            var (clientSecret, typeId, typeVersion) = await SetUpAsync(app.Services);
            await app.StartAsync();

            var (rowsByBody, bodies) = IngestBenchmark.Batches(await FirstPersonIdAsync(connectionString), typeId);

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, clientSecret));
            await LoadAsync(http, bodies, clients, TimeSpan.FromSeconds(warmup), null);

            var writer = app.Services.GetRequiredService<ActivityBulkWriter>();
            var latencies = new List<double>();
            var httpRates = new List<double>();
            var copyRates = new List<double>();
            var writerRates = new List<double>();
            var ratios = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var stopwatch = Stopwatch.StartNew();
                var calls = await LoadAsync(http, bodies, clients, TimeSpan.FromSeconds((double)seconds / rounds), latencies);
                var elapsed = stopwatch.Elapsed.TotalSeconds;
                var rows = calls * BatchSize;
                var copy = await CopyFloorAsync(connectionString, rowsByBody, rows, typeId, typeVersion);
                var direct = await WriterAsync(writer, rowsByBody, rows, typeId, typeVersion);
                httpRates.Add(rows / elapsed);
                copyRates.Add(rows / copy);
                writerRates.Add(rows / direct);
                ratios.Add(httpRates[^1] / copyRates[^1]);
                Console.WriteLine($"  round {round + 1}: HTTP {httpRates[^1]:N0}/s, COPY floor {copyRates[^1]:N0}/s, writer alone {writerRates[^1]:N0}/s, ratio {ratios[^1]:F2}");
            }
            await app.StopAsync();

            Console.WriteLine();
            Console.WriteLine($"HTTP API  : median {Figures.Median(httpRates):N0} activities/s over {rounds} rounds");
            Console.WriteLine($"            latency per call p50 {Figures.Median(latencies):F1} ms, p95 {Figures.Percentile(latencies, 95):F1} ms");
            Console.WriteLine($"COPY floor: median {Figures.Median(copyRates):N0} rows/s (binary COPY, one 300-row transaction each, one connection)");
            Console.WriteLine($"writer    : median {Figures.Median(writerRates):N0} rows/s (PostgresActivityWriter alone, one caller: no HTTP, no validation)");
            Console.WriteLine($"ratio     : median of rounds {Figures.Median(ratios):F2} of the COPY floor (goal >= 0.50)");
            Console.WriteLine($"goal 50,000 activities/s via HTTP: {(Figures.Median(httpRates) >= 50_000 ? "met" : "NOT met")} (load average now {Figures.LoadAverage()})");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task<int> FirstPersonIdAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT MIN("Id") FROM "People";""", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Seconds for the same rows by binary COPY alone (ids from the column's default), 300 rows per transaction.</summary>
    private static async Task<double> CopyFloorAsync(string connectionString, List<Row>[] rows, long count, int typeId, int version)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var stopwatch = Stopwatch.StartNew();
        for (long written = 0, batch = 0; written < count; batch++, written += BatchSize)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var import = await connection.BeginBinaryImportAsync("""
                COPY "Activities" ("PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "Attributes", "RecordedAt")
                FROM STDIN (FORMAT BINARY)
                """))
            {
                foreach (var row in rows[batch % rows.Length])
                {
                    await import.StartRowAsync();
                    await import.WriteAsync(row.PersonId, NpgsqlDbType.Integer);
                    await import.WriteAsync(typeId, NpgsqlDbType.Integer);
                    await import.WriteAsync(version, NpgsqlDbType.Integer);
                    await import.WriteAsync(row.OccurredAtTicks, NpgsqlDbType.Bigint);
                    await import.WriteAsync(row.Primary, NpgsqlDbType.Text);
                    await import.WriteAsync(row.Attributes, NpgsqlDbType.Jsonb);
                    await import.WriteAsync(DateTimeOffset.UtcNow.UtcTicks, NpgsqlDbType.Bigint);
                }
                await import.CompleteAsync();
            }
            await transaction.CommitAsync();
        }
        return stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
