namespace CustomActivities.Core.Persistence;

/// <summary>"Demo" section: <c>Demo:Seed</c> fills an empty database with demo data at start-up (as --seed-demo does).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }
}
