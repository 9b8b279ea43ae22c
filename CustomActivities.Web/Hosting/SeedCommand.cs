using System.Diagnostics;
using System.Globalization;
using CustomActivities.Core.Persistence;

namespace CustomActivities.Web;

/// <summary>
/// <c>CustomActivities.Web seed --persons 1000000 --activities 10000000 [--seed 42] [--hot-person-activities 100000]</c>:
/// fills the configured (empty) database for benchmarks and exits without starting the web host.
/// Other arguments (e.g. <c>--Database:Path=/tmp/scale.db</c>, or <c>--Database:Provider=Postgres</c> with
/// <c>--ConnectionStrings:Postgres=...</c>) go to the configuration as usual; both providers get the same rows.
/// </summary>
public static class SeedCommand
{
    public const string Name = "seed";

    public static bool IsRequested(string[] args) => args.Length > 0 && string.Equals(args[0], Name, StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args)
    {
        ScaleSeedOptions options;
        string[] hostArguments;
        try
        {
            (options, hostArguments) = Parse(args[1..]);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: seed --persons N --activities N [--seed 42] [--hot-person-activities 100000] [--Database:Path=FILE | --Database:Provider=Postgres --ConnectionStrings:Postgres=CONNECTION]");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(hostArguments);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddCustomActivities();
        builder.Services.AddScaleSeeder();
        await using var app = builder.Build();
        app.ValidateSettings();
        await app.InitializeDatabaseAsync(seedDemo: false);
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseEngine>().Target;
        Console.WriteLine($"Seeding {database}: {options.Persons:N0} persons, {options.Activities:N0} activities " +
            $"(hot person {options.HotPersonActivities:N0}), seed {options.Seed}");

        var watch = Stopwatch.StartNew();
        var bar = new ProgressBar(watch);
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<ScaleSeeder>().SeedAsync(options, bar);
            bar.Finish();
            Console.WriteLine($"Done in {watch.Elapsed:hh\\:mm\\:ss}. Hot person: id {result.HotPersonId} ({result.HotPersonEmail}); types: {string.Join(", ", result.TypeApiNames)}");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            bar.Finish();
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    internal static (ScaleSeedOptions Options, string[] HostArguments) Parse(string[] args)
    {
        var options = new ScaleSeedOptions();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            long Number() { var name = args[i]; var v = Value(); return long.TryParse(v.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new FormatException($"{name}: '{v}' is not a whole number."); }
            switch (args[i].ToLowerInvariant())
            {
                case "--persons": options = options with { Persons = checked((int)Number()) }; break;
                case "--activities": options = options with { Activities = Number() }; break;
                case "--seed": options = options with { Seed = checked((int)Number()) }; break;
                case "--hot-person-activities": options = options with { HotPersonActivities = checked((int)Number()) }; break;
                default: rest.Add(args[i]); break;
            }
        }
        if (options.HotPersonActivities > options.Activities)
        {
            options = options with { HotPersonActivities = (int)options.Activities };
        }
        return (options, [.. rest]);
    }

    /// <summary>One console line per phase, redrawn in place: [#####.....] 52% 5,200,000/10,000,000 activities 01:10 ETA 01:05.</summary>
    private sealed class ProgressBar(Stopwatch watch) : IProgress<ScaleSeedProgress>
    {
        private string? phase;
        private TimeSpan phaseStart;
        private long lastDraw;

        public void Report(ScaleSeedProgress value)
        {
            if (value.Phase != phase)
            {
                if (phase is not null)
                {
                    Console.WriteLine();
                }
                phase = value.Phase;
                phaseStart = watch.Elapsed;
            }
            var now = watch.ElapsedMilliseconds;
            if (value.Done < value.Total && now - lastDraw < 250)
            {
                return;
            }
            lastDraw = now;
            var fraction = value.Total == 0 ? 1 : (double)value.Done / value.Total;
            var filled = (int)(fraction * 30);
            var elapsed = watch.Elapsed - phaseStart;
            var eta = fraction > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction) : TimeSpan.Zero;
            var rate = elapsed.TotalSeconds > 0 ? value.Done / elapsed.TotalSeconds : 0;
            Console.Write($"\r{value.Phase,-10} [{new string('#', filled)}{new string('.', 30 - filled)}] {fraction,4:P0} {value.Done:N0}/{value.Total:N0} {rate:N0}/s elapsed {elapsed:mm\\:ss} ETA {eta:mm\\:ss}   ");
        }

        public void Finish() => Console.WriteLine();
    }
}
