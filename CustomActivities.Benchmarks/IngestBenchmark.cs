using CustomActivities.Core.Persistence.Sqlite;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.People;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.SmartLists;
using CustomActivities.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomActivities.Benchmarks;

/// <summary>
/// Activities per second through the real HTTP API (Kestrel on loopback, SQLite in WAL mode, batches of 300) against the raw
/// floor: the same rows inserted straight into a copy of the same schema with one prepared statement in 300-row transactions.
/// Options: --seconds N (default 20, split over the rounds), --rounds N (default 4), --clients N (default 4), --warmup N seconds (default 3),
/// --no-field-indexes (leave out the smart lists' field indexes of the type's two secondary fields, to measure what they cost);
/// --provider postgres runs <see cref="PostgresIngestBenchmark"/> instead.
/// </summary>
public static class IngestBenchmark
{
    internal const int BatchSize = 300;
    internal const int People = 2_000;
    internal const int Bodies = 64;

    internal sealed record Row(int PersonId, long OccurredAtTicks, string Primary, string Attributes);

    public static async Task<int> RunAsync(string[] args)
    {
        if (string.Equals(CommandLine.Option(args, "--provider"), "postgres", StringComparison.OrdinalIgnoreCase))
        {
            return await PostgresIngestBenchmark.RunAsync(args);
        }
        var seconds = Option(args, "--seconds", 20);
        var rounds = Math.Max(1, Option(args, "--rounds", 4));
        var clients = Option(args, "--clients", 4);
        var warmup = Option(args, "--warmup", 3);
        var folder = Directory.CreateTempSubdirectory("ingest-bench-");
        var databasePath = Path.Combine(folder.FullName, "bench.db");
        var rawPath = Path.Combine(folder.FullName, "raw.db");
        var writerPath = Path.Combine(folder.FullName, "writer.db");
        var cPath = Path.Combine(folder.FullName, "c-api.db");
        var port = FreePort();
        Console.WriteLine($"ingest: {clients} concurrent clients, batches of {BatchSize}, {seconds} s measured after {warmup} s warm-up; Release={IsRelease()}; cores={Environment.ProcessorCount}");

        var app = BuildApp([$"--Database:Path={databasePath}"], port);
        await app.InitializeDatabaseAsync(seedDemo: false);
        var (clientSecret, typeId, typeVersion) = await SetUpAsync(app.Services);
        // The type is inserted directly (no approval event), so its field indexes come from the start-up reconciliation.
        var fieldIndexes = args.Contains("--no-field-indexes") ? [] : (await app.Services.GetRequiredService<ActivityFieldIndexes>().ReconcileAsync()).Created;
        Console.WriteLine($"field indexes: {(fieldIndexes.Count == 0 ? "none" : string.Join(", ", fieldIndexes))}");
        await CopyDatabaseAsync(databasePath, rawPath);
        await CopyDatabaseAsync(databasePath, writerPath);
        await CopyDatabaseAsync(databasePath, cPath);
        await app.StartAsync();
        try
        {
            var (rowsByBody, bodies) = Batches(firstPersonId: 1, typeId);

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, clientSecret));

            await LoadAsync(http, bodies, clients, TimeSpan.FromSeconds(warmup), null);
            // The machine is shared, so load varies: HTTP and raw phases alternate in rounds and each round gives a ratio.
            var latencies = new List<double>();
            double httpSeconds = 0, rawSeconds = 0, writerSeconds = 0, cSeconds = 0;
            long httpRows = 0, rawRows = 0, writerRows = 0;
            var ratios = new List<double>();
            await using var writer = new SqliteActivityWriter(new SqliteDatabase(writerPath), TimeProvider.System, new ActivityFeed(new CustomActivities.Core.Events.InProcessClusterSignals(Microsoft.Extensions.Logging.Abstractions.NullLogger<CustomActivities.Core.Events.InProcessClusterSignals>.Instance), Microsoft.Extensions.Logging.Abstractions.NullLogger<ActivityFeed>.Instance));
            for (var round = 0; round < rounds; round++)
            {
                var stopwatch = Stopwatch.StartNew();
                var calls = await LoadAsync(http, bodies, clients, TimeSpan.FromSeconds((double)seconds / rounds), latencies);
                var elapsed = stopwatch.Elapsed.TotalSeconds;
                var rows = calls * BatchSize;
                var raw = RawFloor(rawPath, rowsByBody, rows, typeId, typeVersion);
                var direct = await WriterAsync(writer, rowsByBody, rows, typeId, typeVersion);
                cSeconds += CApiFloor(cPath, rowsByBody, rows, typeId, typeVersion);
                httpSeconds += elapsed;
                httpRows += rows;
                rawSeconds += raw;
                rawRows += rows;
                writerSeconds += direct;
                writerRows += rows;
                ratios.Add(rows / elapsed / (rows / raw));
                Console.WriteLine($"  round {round + 1}: HTTP {rows / elapsed:N0}/s, raw floor {rows / raw:N0}/s, writer alone {rows / direct:N0}/s, ratio {ratios[^1]:F2}");
            }
            await app.StopAsync();
            var httpRate = httpRows / httpSeconds;
            var rawRate = rawRows / rawSeconds;

            Console.WriteLine();
            Console.WriteLine($"HTTP API : {httpRows / BatchSize:N0} calls, {httpRows:N0} activities in {httpSeconds:F1} s = {httpRate:N0} activities/s");
            Console.WriteLine($"           latency per call p50 {Figures.Median(latencies):F1} ms, p95 {Figures.Percentile(latencies, 95):F1} ms");
            Console.WriteLine($"raw floor: {rawRows:N0} rows, prepared statement, 300-row transactions = {rawRate:N0} rows/s");
            Console.WriteLine($"writer   : ActivityBulkWriter alone (no HTTP, no validation) = {writerRows / writerSeconds:N0} rows/s");
            Console.WriteLine($"C floor  : same rows through the SQLite C API (statement bound by index, no ADO.NET) = {rawRows / cSeconds:N0} rows/s; HTTP is {httpRate / (rawRows / cSeconds):F2} of it");
            Console.WriteLine($"ratio    : {httpRate / rawRate:F2} of the raw floor overall, median of rounds {Figures.Median(ratios):F2} (goal >= 0.50)");
            Console.WriteLine($"goal 50,000 activities/s via HTTP: {(httpRate >= 50_000 ? "met" : "NOT met")} (load average now {Figures.LoadAverage()})");
            return 0;
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The app in this process, unlimited for a load test, over the database the arguments name.</summary>
    internal static WebApplication BuildApp(string[] databaseArguments, int port)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args =
            [
                "--urls", $"http://127.0.0.1:{port}",
                .. databaseArguments,
                "--Admin:Email=bench@example.com", "--Admin:Password=Bench-Password-123!",
                "--Api:RateLimitCalls=100000000", "--Api:DailyQuota=100000000", "--Api:MaxConcurrentCalls=256",
                "--Logging:LogLevel:Default=Warning",
            ],
            EnvironmentName = Environments.Production,
            ApplicationName = "CustomActivities.Web",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddCustomActivities();
        var app = builder.Build();
        app.UseCustomActivities();
        return app;
    }

    internal static async Task<(ApiClientSecret Client, int TypeId, int Version)> SetUpAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var client = (await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync("benchmark", ApiPermission.WriteActivitiesAndLeads)).Value!;
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var type = new ActivityType
        {
            ApiName = "webinarAttended",
            LiveVersionNumber = 1,
            Versions =
            [
                new ActivityTypeVersion
                {
                    Number = 1, State = VersionState.Approved, DisplayName = "Webinar attended", TriggerName = "Attends webinar", FilterName = "Attended webinar",
                    ApprovedAt = DateTimeOffset.UtcNow, ApprovedBy = "benchmark",
                    Fields =
                    [
                        new ActivityField { ApiName = "webinarName", DisplayName = "Webinar", DataType = FieldDataType.String, IsPrimary = true },
                        new ActivityField { ApiName = "minutes", DisplayName = "Minutes", DataType = FieldDataType.Integer, Position = 1 },
                        new ActivityField { ApiName = "channel", DisplayName = "Channel", DataType = FieldDataType.String, Position = 2 },
                    ],
                },
            ],
        };
        context.ActivityTypes.Add(type);
        context.People.AddRange(Enumerable.Range(1, People).Select(i => new Person { Email = $"bench{i}@example.com", FirstName = "Bench", LastName = $"{i}" }));
        await context.SaveChangesAsync();
        return (client, type.Id, 1);
    }

    private static async Task CopyDatabaseAsync(string source, string target)
    {
        await using var connection = new SqliteConnection(SqliteConnectionSetup.ConnectionString(source));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target;";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The <see cref="Bodies"/> request bodies the clients send in turn, each a batch of webinars of random people among
    /// <see cref="People"/> from <paramref name="firstPersonId"/>, one second apart; the same for the same type on every run.
    /// </summary>
    internal static (List<Row>[] RowsByBody, byte[][] Bodies) Batches(int firstPersonId, int typeId)
    {
        var rowsByBody = new List<Row>[Bodies];
        var bodies = new byte[Bodies][];
        var random = new Random(42);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        for (var b = 0; b < Bodies; b++)
        {
            rowsByBody[b] = [.. Enumerable.Range(0, BatchSize).Select(i => new Row(
                firstPersonId + random.Next(People),
                start + (b * BatchSize + i) * TimeSpan.TicksPerSecond,
                $"Webinar {random.Next(1000)}",
                $$"""{"minutes":{{random.Next(1, 120)}},"channel":"web-{{random.Next(10)}}"}"""))];
            bodies[b] = Body(rowsByBody[b], typeId);
        }
        return (rowsByBody, bodies);
    }

    internal static byte[] Body(List<Row> rows, int typeId)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("input");
            foreach (var row in rows)
            {
                using var attributes = JsonDocument.Parse(row.Attributes);
                json.WriteStartObject();
                json.WriteNumber("leadId", row.PersonId);
                json.WriteString("activityDate", new DateTimeOffset(row.OccurredAtTicks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
                json.WriteNumber("activityTypeId", typeId);
                json.WriteString("primaryAttributeValue", row.Primary);
                json.WriteStartArray("attributes");
                foreach (var property in attributes.RootElement.EnumerateObject())
                {
                    json.WriteStartObject();
                    json.WriteString("apiName", property.Name);
                    json.WritePropertyName("value");
                    property.Value.WriteTo(json);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    internal static async Task<string> TokenAsync(HttpClient http, ApiClientSecret client)
    {
        var response = await http.GetStringAsync($"/identity/oauth/token?grant_type=client_credentials&client_id={client.ClientId}&client_secret={client.Secret}");
        using var json = JsonDocument.Parse(response);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    internal static async Task<long> LoadAsync(HttpClient http, byte[][] bodies, int clients, TimeSpan duration, List<double>? latencies)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long calls = 0;
        var next = 0;
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            var mine = new List<double>();
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var body = bodies[Interlocked.Increment(ref next) % bodies.Length];
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/rest/v1/activities/external.json", content);
                var answer = await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK || answer.AsSpan().IndexOf("\"skipped\""u8) >= 0 || answer.AsSpan().IndexOf("\"success\":true"u8) < 0)
                {
                    throw new InvalidOperationException($"Unexpected answer: {Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 500)))}");
                }
                Interlocked.Increment(ref calls);
            }
            if (latencies is not null)
            {
                lock (latencies)
                {
                    latencies.AddRange(mine);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        return calls;
    }

    /// <summary>Seconds the product's writer takes for the same rows (diagnostic: the write path without HTTP and validation).</summary>
    internal static async Task<double> WriterAsync(ActivityBulkWriter writer, List<Row>[] rows, long count, int typeId, int version)
    {
        var batches = rows.Select(r => (IReadOnlyList<NewActivity>)[.. r.Select(x =>
            new NewActivity(x.PersonId, typeId, version, new DateTimeOffset(x.OccurredAtTicks, TimeSpan.Zero), x.Primary, x.Attributes))]).ToArray();
        var stopwatch = Stopwatch.StartNew();
        for (long written = 0, batch = 0; written < count; batch++, written += BatchSize)
        {
            await writer.WriteAsync(batches[batch % batches.Length]);
        }
        return stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Seconds for the same rows through the SQLite C API: the lowest floor this machine has (the product's writer binds this way).</summary>
    private static double CApiFloor(string databasePath, List<Row>[] rows, long count, int typeId, int version)
    {
        using var connection = new SqliteConnection(SqliteConnectionSetup.ConnectionString(databasePath));
        connection.Open();
        SqliteConnectionSetup.ApplyForBulkWrites(connection);
        SQLitePCL.raw.sqlite3_prepare_v2(connection.Handle,
            "INSERT INTO Activities (PersonId, ActivityTypeId, TypeVersionNumber, OccurredAt, PrimaryValue, Attributes, RecordedAt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);",
            out var statement);
        using (statement)
        {
            var stopwatch = Stopwatch.StartNew();
            for (long written = 0, batch = 0; written < count; batch++, written += BatchSize)
            {
                using var transaction = connection.BeginTransaction();
                foreach (var row in rows[batch % rows.Length])
                {
                    SQLitePCL.raw.sqlite3_bind_int64(statement, 1, row.PersonId);
                    SQLitePCL.raw.sqlite3_bind_int64(statement, 2, typeId);
                    SQLitePCL.raw.sqlite3_bind_int64(statement, 3, version);
                    SQLitePCL.raw.sqlite3_bind_int64(statement, 4, row.OccurredAtTicks);
                    SQLitePCL.raw.sqlite3_bind_text(statement, 5, row.Primary);
                    SQLitePCL.raw.sqlite3_bind_text(statement, 6, row.Attributes);
                    SQLitePCL.raw.sqlite3_bind_int64(statement, 7, DateTimeOffset.UtcNow.UtcTicks);
                    if (SQLitePCL.raw.sqlite3_step(statement) != SQLitePCL.raw.SQLITE_DONE)
                    {
                        throw new InvalidOperationException(SQLitePCL.raw.sqlite3_errmsg(connection.Handle).utf8_to_string());
                    }
                    SQLitePCL.raw.sqlite3_reset(statement);
                }
                transaction.Commit();
            }
            return stopwatch.Elapsed.TotalSeconds;
        }
    }


    /// <summary>Seconds to insert the same rows straight into a copy of the schema: one prepared INSERT, 300 rows per transaction.</summary>
    private static double RawFloor(string databasePath, List<Row>[] rows, long count, int typeId, int version)
    {
        using var connection = new SqliteConnection(SqliteConnectionSetup.ConnectionString(databasePath));
        connection.Open();
        SqliteConnectionSetup.ApplyForBulkWrites(connection);
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Activities (PersonId, ActivityTypeId, TypeVersionNumber, OccurredAt, PrimaryValue, Attributes, RecordedAt)
            VALUES ($person, $type, $version, $occurredAt, $primary, $attributes, $recordedAt);
            """;
        var parameters = new[] { "$person", "$type", "$version", "$occurredAt", "$primary", "$attributes", "$recordedAt" }
            .Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        insert.Prepare();
        var stopwatch = Stopwatch.StartNew();
        long written = 0;
        for (var batch = 0; written < count; batch++)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            foreach (var row in rows[batch % rows.Length])
            {
                parameters[0].Value = row.PersonId;
                parameters[1].Value = typeId;
                parameters[2].Value = version;
                parameters[3].Value = row.OccurredAtTicks;
                parameters[4].Value = row.Primary;
                parameters[5].Value = row.Attributes;
                parameters[6].Value = DateTimeOffset.UtcNow.UtcTicks;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
            written += BatchSize;
        }
        return stopwatch.Elapsed.TotalSeconds;
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }

    internal static bool IsRelease() =>
#if DEBUG
        false;
#else
        true;
#endif

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
