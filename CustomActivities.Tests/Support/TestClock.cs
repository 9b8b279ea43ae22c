namespace CustomActivities.Tests.Support;

/// <summary>A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not in the package registry here).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    public void Set(DateTimeOffset instant) => now = instant;
}
