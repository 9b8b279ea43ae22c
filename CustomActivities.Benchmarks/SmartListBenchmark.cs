using System.Data.Common;
using System.Globalization;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.SmartLists;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomActivities.Benchmarks;

/// <summary>
/// Smart lists at scale, on a database made by the seed command (a copy: the first run applies this build's migrations):
/// <code>
/// dotnet run -c Release --project CustomActivities.Benchmarks -- smartlists --db /tmp/scale-copy.db [--runs 20]
/// dotnet run -c Release --project CustomActivities.Benchmarks -- smartlists --provider postgres --postgres "Host=...;Database=ca_scale;..."
/// </code>
/// Prints p50/p95 of the count of a two-filter list (a field constraint and a 30-day window, ALL), the count of a
/// five-filter advanced-logic list, the first page of results and "why" for one member, then each one's query plan.
/// </summary>
public static class SmartListBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        // --provider postgres --postgres "Host=...;Database=...": the same lists on a PostgreSQL database made by the seed command.
        var postgres = string.Equals(CommandLine.Option(args, "--provider"), "postgres", StringComparison.OrdinalIgnoreCase);
        var db = postgres
            ? CommandLine.Option(args, "--postgres") ?? throw new ArgumentException("--postgres CONNECTION-STRING is required with --provider postgres")
            : CommandLine.Option(args, "--db") ?? throw new ArgumentException("--db FILE (a copy of a database made by the seed command) is required");
        var runs = int.Parse(CommandLine.Option(args, "--runs") ?? "20", CultureInfo.InvariantCulture);
        var database = postgres ? DatabaseTarget.Postgres(db) : DatabaseTarget.Sqlite(db);

        // The lists are evaluated as of the seed's newest day, so "the past 30 days" holds a month of seeded activities
        // whatever day the benchmark runs (on the system clock, a month after the seed's end, it held none).
        await using var services = CoreServices.For(database, new FixedClock(new ScaleSeedOptions().Until));
        await CoreServices.EnsureUserAsync(services, "bench-admin@example.com", "Bench-Password-123!", Core.Users.Roles.Admin);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {Figures.LoadAverage()} at start");
        // What start-up does on a file made before the field indexes (the seed command inserts its types directly).
        var building = System.Diagnostics.Stopwatch.StartNew();
        var changes = await services.GetRequiredService<ActivityFieldIndexes>().ReconcileAsync();
        Console.WriteLine($"Field indexes: created {changes.Created.Count} in {building.Elapsed.TotalSeconds:F1} s ({string.Join(", ", changes.Created)}); dropped {changes.Dropped.Count}");
        await using var scope = services.CreateAsyncScope();
        var evaluator = scope.ServiceProvider.GetRequiredService<SmartListEvaluator>();
        var options = await scope.ServiceProvider.GetRequiredService<SmartListCatalog>().LoadAsync();
        int TypeId(string apiName) => options.Types.FirstOrDefault(t => t.ApiName == apiName)?.Id
            ?? throw new InvalidOperationException($"The database has no type {apiName}: seed it with the seed command.");
        var (webinar, cheque, ticket) = (TypeId("webinarAttended"), TypeId("chequeDeposited"), TypeId("supportTicketClosed"));

        var twoFilters = new SmartListQuery(
        [
            SmartListFilter.Activity(webinar, FieldConstraint.Of("minutesWatched", ConstraintOperator.GreaterOrEqual, "60")),
            new SmartListFilter(SmartListFilterKind.Activity, cheque, Window: ActivityWindow.Past(30)),
        ]);
        var fiveFilters = new SmartListQuery(
        [
            SmartListFilter.Activity(webinar, FieldConstraint.Of("askedQuestion", ConstraintOperator.IsTrue)),
            SmartListFilter.Activity(cheque, FieldConstraint.Of("amount", ConstraintOperator.Greater, "4000")),
            new SmartListFilter(SmartListFilterKind.Activity, ticket, Constraints: [FieldConstraint.Of("satisfaction", ConstraintOperator.LessOrEqual, "2")],
                Window: ActivityWindow.Past(90)),
            SmartListFilter.Attribute(PersonAttributes.Company, ConstraintOperator.StartsWith, "A"),
            SmartListFilter.Attribute(PersonAttributes.EmailDomain, ConstraintOperator.Is, "example.com"),
        ], SmartListLogic.Advanced, "(1 and (2 or 3)) or (not 4 and 5)");

        var firstPage = await evaluator.PageAsync(twoFilters, SmartListSort.Email, false, 0, 50);
        var member = firstPage.Value?.Rows.FirstOrDefault()?.Id ?? 1;
        Console.WriteLine($"Database {database}: two-filter list has {firstPage.Value?.Count:N0} members; \"why\" asks about person {member}");
        var parts = scope.ServiceProvider.GetRequiredService<IOptions<SmartListOptions>>().Value.Parts;
        Console.WriteLine($"A count of a list that reads everybody is split into {parts} id ranges");
        Console.WriteLine();

        var rows = new List<string[]>();
        async Task MeasureAsync(string name, double target, Func<Task> action)
        {
            try
            {
                rows.Add(await Figures.MeasureAsync(name, target, warmUps: 1, runs, _ => action()));
            }
            catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
            {
                // A query over the command timeout is a result too: the table says so and the other queries still run.
                rows.Add([name, "-", "-", target.ToString(CultureInfo.InvariantCulture), "NO: " + e.GetBaseException().Message, "0"]);
            }
        }

        await MeasureAsync("count, two filters (field constraint + 30-day window, ALL)", 500, () => evaluator.CountAsync(twoFilters));
        await MeasureAsync("count, five filters, advanced logic", 1000, () => evaluator.CountAsync(fiveFilters));
        // The same count on one connection: what splitting a list that reads everybody by person id saves on this machine.
        var oneConnection = ActivatorUtilities.CreateInstance<SmartListEvaluator>(scope.ServiceProvider,
            Options.Create(new SmartListOptions { CountParallelism = 1 }));
        await MeasureAsync("  the same on one connection (not split)", 1000, () => oneConnection.CountAsync(fiveFilters));
        // The builder shows the live count first, then the grid asks for the page with that count: what a marketer waits for.
        var twoFilterCount = firstPage.Value?.Count;
        await MeasureAsync("first page of 50 people (count known from the live count)", 200,
            () => evaluator.PageAsync(twoFilters, SmartListSort.Email, false, 0, 50, knownCount: twoFilterCount));
        await MeasureAsync("  the same, counting too (a page asked for on its own)", 700, () => evaluator.PageAsync(twoFilters, SmartListSort.Email, false, 0, 50));
        await MeasureAsync("page 20 of 50 people (count known)", 200,
            () => evaluator.PageAsync(twoFilters, SmartListSort.Email, false, 950, 50, knownCount: twoFilterCount));
        // Oldest activity first: people who never did anything come first, none of them a member, so reading in sort order
        // finds no member within its limit of people and the page lists and sorts the members instead.
        await MeasureAsync("first page by last activity, oldest first (count known)", 200,
            () => evaluator.PageAsync(twoFilters, SmartListSort.LastActivity, false, 0, 50, knownCount: twoFilterCount));
        await MeasureAsync("why, one person", 50, () => evaluator.WhyAsync(twoFilters, member));
        Table.Print(["smart list query", "p50 ms", "p95 ms", "target ms", "met", "runs"], rows);
        Console.WriteLine($"load average after the queries: {Figures.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("EXPLAIN QUERY PLAN, two-filter count:  " + string.Join(" | ", await evaluator.ExplainAsync(twoFilters, page: false)));
        Console.WriteLine("EXPLAIN QUERY PLAN, five-filter count: " + string.Join(" | ", await evaluator.ExplainAsync(fiveFilters, page: false)));
        Console.WriteLine("EXPLAIN QUERY PLAN, first page:        " + string.Join(" | ", await evaluator.ExplainAsync(twoFilters, page: true)));
        Console.WriteLine("EXPLAIN QUERY PLAN, why:               " + string.Join(" | ", await evaluator.ExplainWhyAsync(twoFilters, member)));
        return 0;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
