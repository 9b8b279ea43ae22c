using System.Globalization;
using CustomActivities.Core.Activities;
using CustomActivities.Core.People;
using CustomActivities.Core.Users;
using CustomActivities.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Benchmarks;

/// <summary>
/// The person timeline at scale, on a database made by the seed command:
/// <code>
/// Database__Path=/tmp/scale.db dotnet run -c Release --project CustomActivities.Web -- seed --persons 1000000 --activities 10000000
/// dotnet run -c Release --project CustomActivities.Benchmarks -- timeline --db /tmp/scale.db
/// </code>
/// Prints p50/p95 of the server-side queries (timeline page 1 and page 1,000, density histogram, people search by email
/// prefix) with their query plans, then drives Chromium against the real app process (<see cref="PersonPageBenchmark"/>):
/// what a person page downloads, navigation to the first 50 entries visible and to the interactive page with a breakdown
/// of where the time goes, and the server's resident memory per open person page.
/// </summary>
public static class TimelineBenchmark
{
    private const string AdminEmail = "bench-admin@example.com";
    private const string AdminPassword = "Bench-Password-123!";

    public static async Task<int> RunAsync(string[] args)
    {
        // --provider postgres --postgres "Host=...;Database=...": the same queries on PostgreSQL (server side only: the
        // browser part starts the app on a SQLite file).
        var postgres = string.Equals(CommandLine.Option(args, "--provider"), "postgres", StringComparison.OrdinalIgnoreCase);
        var db = postgres
            ? CommandLine.Option(args, "--postgres") ?? throw new ArgumentException("--postgres CONNECTION-STRING is required with --provider postgres")
            : CommandLine.Option(args, "--db") ?? throw new ArgumentException("--db FILE (a database made by the seed command) is required");
        var target = postgres ? DatabaseTarget.Postgres(db) : DatabaseTarget.Sqlite(db);
        var runs = int.Parse(CommandLine.Option(args, "--runs") ?? "200", CultureInfo.InvariantCulture);
        var browserRuns = int.Parse(CommandLine.Option(args, "--browser-runs") ?? "20", CultureInfo.InvariantCulture);
        var openPages = int.Parse(CommandLine.Option(args, "--pages") ?? "50", CultureInfo.InvariantCulture);
        var noBrowser = postgres || args.Contains("--no-browser");

        await using var services = CoreServices.For(target);
        var engine = services.GetRequiredService<DatabaseEngine>();
        var (persons, activities, hotPerson, hotCount) = await DescribeAsync(engine);
        Console.WriteLine($"Database {target}: {persons:N0} persons, {activities:N0} activities; hot person {hotPerson} holds {hotCount:N0}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {Figures.LoadAverage()} at start (p95 suffers when other work shares the cores)");
        Console.WriteLine();

        // The seed command's database has a generated admin; the benchmark signs in with its own.
        if (!postgres)
        {
            await CoreServices.EnsureUserAsync(services, AdminEmail, AdminPassword, Roles.Admin);
        }
        await using var scope = services.CreateAsyncScope();
        var timeline = scope.ServiceProvider.GetRequiredService<TimelineService>();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();

        var deepCursor = await CursorAtAsync(engine, hotPerson, 999 * 50);
        var rows = new List<string[]>();
        async Task MeasureAsync(string name, int count, double target, Func<int, Task> action) =>
            rows.Add(await Figures.MeasureAsync(name, target, warmUps: Math.Min(10, count), count, action, msFormat: "0.00"));

        await MeasureAsync("timeline page 1 (50 entries)", runs, 5, _ => timeline.OlderAsync(hotPerson, TimelineFilter.None, null, 50));
        await MeasureAsync("timeline page 1,000 (50 entries)", runs, 5, _ => timeline.OlderAsync(hotPerson, TimelineFilter.None, deepCursor, 50));
        var cheque = new TimelineFilter(IncludeTypes: [2]);
        await MeasureAsync("timeline page 1, one type only", runs, 5, _ => timeline.OlderAsync(hotPerson, cheque, null, 50));
        await MeasureAsync("density histogram, hot person", Math.Max(10, runs / 10), 50, _ => timeline.HistogramAsync(hotPerson, TimeSpan.FromHours(1)));
        var prefixes = new[] { "noah.c", "ada.", "zoe.w", "mia.s", "leo.p", "sara.k", "kai.", "uma.g" };
        await MeasureAsync("people search, email prefix (25 + capped count)", runs, 20,
            i => people.SearchAsync(new PeopleQuery(prefixes[i % prefixes.Length], PeopleSearchField.Email, PeopleSort.Email, Take: 25)));
        await MeasureAsync("people search, any field prefix", Math.Max(10, runs / 4), 20,
            i => people.SearchAsync(new PeopleQuery(prefixes[i % prefixes.Length].TrimEnd('.'), PeopleSearchField.Any, PeopleSort.Email, Take: 25)));
        await MeasureAsync("profile: activity counts per type, hot person", Math.Max(5, runs / 20), 50, _ => people.CountActivitiesByTypeAsync(hotPerson));

        Table.Print(["server-side query", "p50 ms", "p95 ms", "target ms", "met", "runs"], rows);
        Console.WriteLine($"load average after the queries: {Figures.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("EXPLAIN, timeline page 1:     " + string.Join(" | ", await timeline.ExplainPageAsync(hotPerson, TimelineFilter.None, null)));
        Console.WriteLine("EXPLAIN, timeline page 1,000: " + string.Join(" | ", await timeline.ExplainPageAsync(hotPerson, TimelineFilter.None, deepCursor)));
        Console.WriteLine("EXPLAIN, timeline one type:   " + string.Join(" | ", await timeline.ExplainPageAsync(hotPerson, cheque, null)));
        Console.WriteLine("EXPLAIN, histogram:           " + string.Join(" | ", await timeline.ExplainHistogramAsync(hotPerson)));
        Console.WriteLine("EXPLAIN, email prefix search: " + string.Join(" | ", await people.ExplainSearchAsync(new PeopleQuery("noah.c", PeopleSearchField.Email, PeopleSort.Email))));
        Console.WriteLine("EXPLAIN, any field prefix:    " + string.Join(" | ", await people.ExplainSearchAsync(new PeopleQuery("noah", PeopleSearchField.Any, PeopleSort.Email))));
        Console.WriteLine();

        if (!noBrowser)
        {
            await PersonPageBenchmark.RunAsync(db, AdminEmail, AdminPassword, hotPerson, browserRuns, openPages);
        }
        return 0;
    }

    private static async Task<(long Persons, long Activities, int HotPerson, long HotCount)> DescribeAsync(DatabaseEngine engine)
    {
        await using var connection = await engine.OpenConnectionAsync();
        async Task<long> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var hot = (int)await ScalarAsync("""SELECT MIN("Id") FROM "People" """);
        return (await ScalarAsync("""SELECT MAX("Id") FROM "People" """), await ScalarAsync("""SELECT MAX("Id") FROM "Activities" """), hot,
            await ScalarAsync($"""SELECT COUNT(*) FROM "Activities" WHERE "PersonId" = {hot}"""));
    }

    /// <summary>The key of the n-th newest entry (set-up only; the timeline itself never uses OFFSET).</summary>
    private static async Task<TimelineCursor?> CursorAtAsync(DatabaseEngine engine, int personId, int index)
    {
        await using var connection = await engine.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT "OccurredAt", "Id" FROM "Activities" WHERE "PersonId" = {personId} ORDER BY "OccurredAt" DESC, "Id" DESC LIMIT 1 OFFSET {index}""";
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new TimelineCursor(reader.GetInt64(0), reader.GetInt64(1)) : null;
    }
}
