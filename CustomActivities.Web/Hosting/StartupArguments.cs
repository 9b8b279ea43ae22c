namespace CustomActivities.Web;

/// <summary>Switches the app understands itself; everything else goes to the host (e.g. --urls).</summary>
public sealed record StartupArguments(bool SeedDemo, string[] HostArguments)
{
    public const string SeedDemoSwitch = "--seed-demo";

    public static StartupArguments Parse(string[] args) =>
        new(args.Contains(SeedDemoSwitch, StringComparer.OrdinalIgnoreCase),
            [.. args.Where(a => !string.Equals(a, SeedDemoSwitch, StringComparison.OrdinalIgnoreCase))]);
}
