using System.Diagnostics;
using System.Globalization;
using CustomActivities.Core.Persistence;
using CustomActivities.Tests.Reliability;

namespace CustomActivities.Benchmarks;

/// <summary>
/// The suite's reliability checks, longer, against the real server process (Production, Kestrel on loopback, fresh
/// SQLite files): the fuzz (<c>--requests</c>, default 100,000, fixed <c>--seed</c>) and the crash loop (<c>--rounds</c>,
/// default 100). Prints tried / 5xx / not-a-Marketo-answer / stored-by-refused / integrity_check, then rounds /
/// acknowledged rows / lost rows / partial batches / integrity_check. Exit code 1 when anything is not zero or not "ok".
/// </summary>
public static class ReliabilityCommand
{
    private const string AdminEmail = "reliability-admin@example.com";
    private const string AdminPassword = "Reliability-Passw0rd!";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = int.Parse(CommandLine.Option(args, "--requests") ?? "100000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(CommandLine.Option(args, "--rounds") ?? "100", CultureInfo.InvariantCulture);
        var seed = CommandLine.Option(args, "--seed") is { } given ? int.Parse(given, CultureInfo.InvariantCulture) : HostileRequests.DefaultSeed;
        var folder = Path.Combine(Path.GetTempPath(), "customactivities-reliability", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = CrashLoop.Settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
        var clean = true;

        if (requests > 0)
        {
            var database = Path.Combine(folder, "fuzz.db");
            var secret = await CrashLoop.CreateClientAsync(database);
            await using var app = await WebApp.StartAsync(database, AdminEmail, AdminPassword, settings);
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseAddress), Timeout = TimeSpan.FromSeconds(60) };
            var token = await CrashLoop.TokenAsync(http, secret, CancellationToken.None);
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var (typeId, people) = await CrashLoop.SeedAsync(http, CancellationToken.None);
            http.DefaultRequestHeaders.Authorization = null;
            Console.WriteLine($"fuzz: {requests:N0} hostile calls, seed {seed}, against {app.BaseAddress}");
            var watch = Stopwatch.StartNew();
            var report = await FuzzRun.RunAsync(http, token, database, new HostileRequests(seed, people[0], typeId, CrashLoop.SeededTypeName), requests,
                so => Console.WriteLine($"  {so} ({watch.Elapsed:hh\\:mm\\:ss})"));
            Console.WriteLine($"fuzz: {report} ({watch.Elapsed:hh\\:mm\\:ss})");
            clean &= report.Clean;
        }

        if (rounds > 0)
        {
            var database = Path.Combine(folder, "crash.db");
            Console.WriteLine($"crash loop: {rounds} rounds of kill -9 during ingestion ({CrashLoop.Senders} clients, batches of {CrashLoop.BatchSize})");
            var watch = Stopwatch.StartNew();
            var loop = new CrashLoop(DatabaseTarget.Sqlite(database), async (target, _) => new KillableWebApp(await WebApp.StartAsync(target.Location, AdminEmail, AdminPassword, settings)));
            var report = await loop.RunAsync(rounds, (round, so) =>
            {
                Console.WriteLine($"  {so} ({watch.Elapsed:hh\\:mm\\:ss})");
            });
            Console.WriteLine($"crash loop: {report} ({watch.Elapsed:hh\\:mm\\:ss})");
            clean &= report.Clean;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A server still shutting down may hold a file; the temp folder is the OS's to clean.
        }
        return clean ? 0 : 1;
    }

    private sealed class KillableWebApp(WebApp app) : IKillableApp
    {
        public Uri BaseAddress => new(app.BaseAddress);

        public void Kill() => app.Kill();

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
