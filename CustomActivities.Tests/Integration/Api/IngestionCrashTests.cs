using CustomActivities.Tests.Reliability;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>
/// The real server process is killed while parallel clients send batches, then restarted on the same database (SQLite or PostgreSQL, as the run), three times
/// in a row (the reliability command of the benchmarks runs 100 rounds of the same loop).
/// </summary>
public sealed class IngestionCrashTests
{
    public const int Rounds = 3;

    [Fact]
    public async Task After_each_kill_during_ingestion_every_call_answered_added_is_complete_and_no_call_is_half_stored()
    {
        using var database = new TempDatabase();
        var loop = new CrashLoop(database.Target, async (target, settings) => new KillableAppProcess(await AppProcess.StartAsync(target, settings)));

        var report = await loop.RunAsync(Rounds, cancellationToken: TestContext.Current.CancellationToken);

        TestContext.Current.SendDiagnosticMessage(report.ToString());
        Assert.Equal(Rounds, report.Rounds);
        Assert.True(report.AcknowledgedCalls >= 5 * Rounds, report.ToString());
        Assert.True(report.Clean, report.ToString());
    }

    private sealed class KillableAppProcess(AppProcess app) : IKillableApp
    {
        public Uri BaseAddress => app.BaseAddress;

        public void Kill() => app.Kill();

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
