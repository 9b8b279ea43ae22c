using CustomActivities.Core.Persistence.Sqlite;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomActivities.Tests.Reliability;

/// <summary>The real server process, as the crash loop drives it.</summary>
public interface IKillableApp : IAsyncDisposable
{
    Uri BaseAddress { get; }

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    void Kill();
}

/// <summary>Totals of a crash loop: every count but the first three should be zero, and every integrity check "ok".</summary>
public sealed record CrashLoopReport(int Rounds, int AcknowledgedCalls, long AcknowledgedRows, long LostRows, int PartialBatches, int CutCalls,
    IReadOnlyList<string> IntegrityChecks)
{
    public bool Clean => LostRows == 0 && PartialBatches == 0 && IntegrityChecks.All(c => c == "ok");

    public override string ToString() =>
        $"rounds {Rounds}, acknowledged calls {AcknowledgedCalls:N0}, acknowledged rows {AcknowledgedRows:N0}, lost rows {LostRows}, partial batches {PartialBatches}, "
        + $"calls cut by the kill {CutCalls}, integrity_check {string.Join(",", IntegrityChecks.GroupBy(c => c).Select(g => $"{g.Key} x{g.Count()}"))}";
}

/// <summary>
/// Kills the real server (SIGKILL) while parallel clients send batches of activities, restarts it on the same database
/// (a SQLite file or a PostgreSQL database) and checks, round after round: every call answered "added" is stored whole,
/// with the ids it was answered with; no call is stored in part; SQLite's PRAGMA integrity_check is ok; a token issued
/// before the crash still works.
/// Shared by the test suite (a few rounds) and the reliability command of the benchmarks (100 rounds).
/// </summary>
public sealed class CrashLoop(DatabaseTarget database, Func<DatabaseTarget, IReadOnlyDictionary<string, string>, Task<IKillableApp>> start)
{
    public const int BatchSize = 100;
    public const int Senders = 4;

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Api:RateLimitCalls"] = "1000000",
        ["Api:MaxConcurrentCalls"] = "50",
        ["Api:DailyQuota"] = "100000000",
        // The loop's one client creates and approves its own type.
        ["Approvals:AllowSelfApproval"] = "true",
    };

    public async Task<CrashLoopReport> RunAsync(int rounds, Action<int, CrashLoopReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var secret = await CreateClientAsync(database);
        var app = await start(database, Settings);
        string token;
        int typeId;
        List<int> people;
        using (var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
        {
            token = await TokenAsync(http, secret, cancellationToken);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (typeId, people) = await SeedAsync(http, cancellationToken);
        }

        var answered = new ConcurrentDictionary<string, long[]>();
        var checks = new List<string>();
        var cut = 0;
        var report = new CrashLoopReport(0, 0, 0, 0, 0, 0, checks);
        for (var round = 1; round <= rounds; round++)
        {
            cut += await SendUntilKilledAsync(app, token, typeId, people, round, answered, cancellationToken);
            await app.DisposeAsync();
            app = await start(database, Settings);
            using (var again = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
            {
                again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var types = JsonDocument.Parse(await again.GetStringAsync("rest/v1/activities/types.json", cancellationToken));
                if (!types.RootElement.GetProperty("success").GetBoolean())
                {
                    throw new InvalidOperationException("The token issued before the crash no longer works: " + types.RootElement);
                }
            }
            var (lost, partial, integrity) = await VerifyAsync(answered);
            checks.Add(integrity);
            report = new CrashLoopReport(round, answered.Count, answered.Sum(a => (long)a.Value.Length), lost, partial, cut, checks);
            progress?.Invoke(round, report);
        }
        await app.DisposeAsync();
        return report;
    }

    private static async Task<int> SendUntilKilledAsync(IKillableApp app, string token, int typeId, List<int> people, int round,
        ConcurrentDictionary<string, long[]> answered, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answeredThisRound = 0;
        var failed = 0;
        var sequence = 0;
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var marker = $"r{round}-call-{Interlocked.Increment(ref sequence)}";
                var records = Enumerable.Range(0, BatchSize).Select(i =>
                    $$"""{"leadId":{{people[i % people.Count]}},"activityDate":"2026-11-01T10:00:00Z","activityTypeId":{{typeId}},"primaryAttributeValue":"{{marker}}","attributes":[{"apiName":"minutes","value":{{i}}}]}""");
                var body = $$"""{"input":[{{string.Join(',', records)}}]}""";
                try
                {
                    using var response = await http.PostAsync("rest/v1/activities/external.json", new StringContent(body, Encoding.UTF8, "application/json"));
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    var results = json.RootElement.GetProperty("result").EnumerateArray().ToList();
                    if (results.Count != BatchSize || results.Any(r => r.GetProperty("status").GetString() != "added"))
                    {
                        throw new InvalidOperationException($"A batch was not added whole before the kill: {json.RootElement}");
                    }
                    answered[marker] = [.. results.Select(r => r.GetProperty("id").GetInt64())];
                    Interlocked.Increment(ref answeredThisRound);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.Increment(ref failed);
                    return;
                }
            }
        }, CancellationToken.None)).ToArray();

        // Kill while calls are in flight, once some were answered (a fixed delay is too short when the machine is busy).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref answeredThisRound) < 5 && Volatile.Read(ref failed) == 0 && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(20, cancellationToken);
        }
        if (Volatile.Read(ref failed) != 0)
        {
            throw new InvalidOperationException("A call failed before the kill");
        }
        app.Kill();
        stop.Cancel();
        await Task.WhenAll(senders);
        return failed;
    }

    /// <summary>Rows answered "added" but missing (or stored under other ids), calls stored in part, and the integrity check.</summary>
    private async Task<(long Lost, int Partial, string Integrity)> VerifyAsync(ConcurrentDictionary<string, long[]> answered)
    {
        var stored = new Dictionary<string, List<long>>();
        await using var connection = await OpenAsync(database);
        await using (var command = connection.CreateCommand())
        {
            // Only the calls of this loop: creating its people also records Marketo's New Lead activities.
            command.CommandText = """SELECT "PrimaryValue", "Id" FROM "Activities" WHERE "PrimaryValue" LIKE 'r%-call-%';""";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var marker = reader.GetString(0);
                if (!stored.TryGetValue(marker, out var ids))
                {
                    stored[marker] = ids = [];
                }
                ids.Add(reader.GetInt64(1));
            }
        }
        long lost = 0;
        foreach (var (marker, ids) in answered)
        {
            var rows = stored.TryGetValue(marker, out var found) ? found.ToHashSet() : [];
            lost += ids.Count(id => !rows.Contains(id));
        }
        var partial = stored.Count(call => call.Value.Count != BatchSize);
        return (lost, partial, await IntegrityAsync(connection));
    }

    private static async Task<System.Data.Common.DbConnection> OpenAsync(DatabaseTarget database)
    {
        System.Data.Common.DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.Location)
            : new SqliteConnection(SqliteConnectionSetup.ConnectionString(database.Location));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// SQLite's file is written by the killed process itself, so its integrity_check must stay "ok". PostgreSQL's server
    /// is not the process killed; what is checked there is that no two stored rows share an id (the ids the writer
    /// reserves from the sequence before its COPY).
    /// </summary>
    private async Task<string> IntegrityAsync(System.Data.Common.DbConnection connection)
    {
        await using var check = connection.CreateCommand();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            check.CommandText = "PRAGMA integrity_check;";
            return (string?)await check.ExecuteScalarAsync() ?? "no answer";
        }
        check.CommandText = """SELECT COUNT(*) - COUNT(DISTINCT "Id") FROM "Activities";""";
        var duplicates = Convert.ToInt64(await check.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        return duplicates == 0 ? "ok" : $"{duplicates} duplicate ids";
    }

    public static Task<ApiClientSecret> CreateClientAsync(string databasePath) => CreateClientAsync(DatabaseTarget.Sqlite(databasePath));

    public static async Task<ApiClientSecret> CreateClientAsync(DatabaseTarget database)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        var options = (database.Provider == DatabaseProvider.Postgres
            ? builder.UseNpgsql(database.Location)
            : builder.UseSqlite(SqliteConnectionSetup.ConnectionString(database.Location))).Options;
        await using var context = new AppDbContext(options);
        // A test's PostgreSQL database comes migrated from its template; a new SQLite file is migrated here.
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await context.Database.MigrateAsync();
        }
        var secret = ApiSecrets.NewSecret();
        var client = new ApiClient { Name = $"crash-loop-{Guid.NewGuid():N}", ClientId = ApiSecrets.NewClientId(), SecretHash = ApiSecrets.Hash(secret), Permission = ApiPermission.Full };
        context.Add(client);
        await context.SaveChangesAsync();
        return new ApiClientSecret(client.Id, client.Name, client.ClientId, secret);
    }

    public static async Task<string> TokenAsync(HttpClient http, ApiClientSecret secret, CancellationToken cancellationToken)
    {
        var json = await http.GetStringAsync($"identity/oauth/token?grant_type=client_credentials&client_id={secret.ClientId}&client_secret={secret.Secret}", cancellationToken);
        return JsonDocument.Parse(json).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// Through the API itself (as an integration would): 20 leads and an approved type with an integer, a date and a
    /// datetime field. The type's API name is <see cref="SeededTypeName"/> of the returned id.
    /// </summary>
    public static async Task<(int TypeId, List<int> People)> SeedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var leads = string.Join(',', Enumerable.Range(0, 20).Select(i => $$"""{"email":"crash{{i}}-{{Guid.NewGuid():N}}@example.com","firstName":"Crash"}"""));
        var people = (await PostAsync(http, "rest/v1/leads.json", $$"""{"action":"createOnly","input":[{{leads}}]}""", cancellationToken))
            .EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
        var apiName = SeededTypeName;
        await PostAsync(http, "rest/v1/activities/external/type.json",
            $$$"""{"apiName":"{{{apiName}}}","name":"Crash {{{apiName}}}","triggerName":"Crashes {{{apiName}}}","filterName":"Crashed {{{apiName}}}","primaryAttribute":{"apiName":"marker","name":"Marker","dataType":"string"}}""",
            cancellationToken);
        await PostAsync(http, $"rest/v1/activities/external/type/{apiName}/attributes/create.json",
            """{"attributes":[{"apiName":"minutes","name":"Minutes","dataType":"integer"},{"apiName":"day","name":"Day","dataType":"date"},{"apiName":"joinedAt","name":"Joined at","dataType":"datetime"}]}""", cancellationToken);
        var approved = await PostAsync(http, $"rest/v1/activities/external/type/{apiName}/approve.json", "", cancellationToken);
        return (approved[0].GetProperty("id").GetInt32(), people);
    }

    public const string SeededTypeName = "reliabilityType";

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, string body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (!json.RootElement.GetProperty("success").GetBoolean())
        {
            throw new InvalidOperationException($"Seeding call {path} was refused: {json.RootElement}");
        }
        return json.RootElement.GetProperty("result").Clone();
    }
}
