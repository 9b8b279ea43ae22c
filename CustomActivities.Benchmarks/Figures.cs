namespace CustomActivities.Benchmarks;

/// <summary>Percentiles of a set of measurements (nearest-rank).</summary>
public static class Figures
{
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
}
