using System.Diagnostics;
using System.Globalization;

namespace CustomActivities.Benchmarks;

/// <summary>Percentiles of a set of measurements (nearest-rank).</summary>
public static class Figures
{
    /// <summary>The 1-, 5- and 15-minute load averages: figures measured while other work shares the cores are slower.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.OrderBy(v => v).ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    /// <summary>
    /// Runs the action <paramref name="warmUps"/> times unmeasured, then <paramref name="runs"/> times measured (it gets
    /// the run's index), and answers a table row: name, p50 and p95 in ms, the target, whether p95 met it, runs.
    /// </summary>
    public static async Task<string[]> MeasureAsync(string name, double target, int warmUps, int runs, Func<int, Task> action, string msFormat = "0.0")
    {
        for (var i = 0; i < warmUps; i++)
        {
            await action(i);
        }
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action(i);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var p95 = Percentile(times, 95);
        return [name, Median(times).ToString(msFormat, CultureInfo.InvariantCulture), p95.ToString(msFormat, CultureInfo.InvariantCulture),
            target.ToString("0", CultureInfo.InvariantCulture), p95 <= target ? "yes" : "NO", runs.ToString(CultureInfo.InvariantCulture)];
    }
}
