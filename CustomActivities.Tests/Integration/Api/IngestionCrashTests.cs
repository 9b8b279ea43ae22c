using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Persistence;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>The real server process is killed while parallel clients send batches, then restarted on the same file.</summary>
public sealed class IngestionCrashTests
{
    private const int BatchSize = 100;

    [Fact]
    public async Task After_a_kill_during_ingestion_every_call_answered_added_is_complete_and_no_call_is_half_stored()
    {
        using var database = new TempDatabase();
        var settings = new Dictionary<string, string> { ["Api:RateLimitCalls"] = "1000000", ["Api:MaxConcurrentCalls"] = "50" };
        var app = await AppProcess.StartAsync(database.Path, settings);
        var (secret, typeId, people) = await SeedAsync(database.Path);

        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var tokenJson = await http.GetStringAsync($"identity/oauth/token?grant_type=client_credentials&client_id={secret.ClientId}&client_secret={secret.Secret}", TestContext.Current.CancellationToken);
        var token = JsonDocument.Parse(tokenJson).RootElement.GetProperty("access_token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var answered = new ConcurrentDictionary<string, long[]>();
        var failed = 0;
        var sequence = 0;
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var marker = $"call-{Interlocked.Increment(ref sequence)}";
                var body = Input([.. Enumerable.Range(0, BatchSize).Select(i => Activity(people[i % people.Count], typeId, marker, [Attr("minutes", i)]))]);
                try
                {
                    using var response = await http.PostAsync("rest/v1/activities/external.json", new StringContent(body, Encoding.UTF8, "application/json"));
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    var results = json.RootElement.GetProperty("result").EnumerateArray().ToList();
                    Assert.Equal(BatchSize, results.Count);
                    Assert.All(results, r => Assert.Equal("added", r.GetProperty("status").GetString()));
                    answered[marker] = [.. results.Select(r => r.GetProperty("id").GetInt64())];
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.Increment(ref failed);
                    return;
                }
            }
        })).ToArray();

        // Kill while calls are in flight, once some were answered (a fixed delay is too short when the machine is busy).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (answered.Count < 5 && failed == 0 && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.Equal(0, failed);
        app.Kill();
        stop.Cancel();
        await Task.WhenAll(senders);
        Assert.NotEmpty(answered);

        await using (var restarted = await AppProcess.StartAsync(database.Path, settings))
        {
            using var again = new HttpClient { BaseAddress = restarted.BaseAddress };
            again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var types = JsonDocument.Parse(await again.GetStringAsync("rest/v1/activities/types.json", TestContext.Current.CancellationToken));
            Assert.True(types.RootElement.GetProperty("success").GetBoolean(), "the token issued before the crash still works");

            var stored = await StoredByMarkerAsync(database.Path);
            foreach (var (marker, ids) in answered)
            {
                Assert.True(stored.TryGetValue(marker, out var rows), $"{marker} was answered 'added' but is missing");
                Assert.Equal(ids.Order(), rows.Order());
            }
            Assert.All(stored, call => Assert.Equal(BatchSize, call.Value.Count));
            TestContext.Current.SendDiagnosticMessage($"{answered.Count} calls answered, {stored.Count} calls stored, {failed} calls cut by the kill");
        }
    }

    private static async Task<(ApiClientSecret Secret, int TypeId, List<int> People)> SeedAsync(string path)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(SqliteConnectionSetup.ConnectionString(path)).Options;
        await using var context = new AppDbContext(options);
        var secret = ApiSecrets.NewSecret();
        var client = new ApiClient { Name = "crash-test", ClientId = ApiSecrets.NewClientId(), SecretHash = ApiSecrets.Hash(secret), Permission = ApiPermission.Full };
        context.Add(client);
        var type = A.ActivityType.Named("crashType", "Crash type").WithField("minutes", Core.ActivityTypes.FieldDataType.Integer).Build();
        context.ActivityTypes.Add(type);
        var people = Enumerable.Range(0, 20).Select(_ => A.Person.Build()).ToList();
        context.People.AddRange(people);
        await context.SaveChangesAsync();
        return (new ApiClientSecret(client.Id, client.Name, client.ClientId, secret), type.Id, [.. people.Select(p => p.Id)]);
    }

    private static async Task<Dictionary<string, List<long>>> StoredByMarkerAsync(string path)
    {
        await using var connection = new SqliteConnection(SqliteConnectionSetup.ConnectionString(path));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PrimaryValue, Id FROM Activities;";
        var stored = new Dictionary<string, List<long>>();
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
        return stored;
    }
}
