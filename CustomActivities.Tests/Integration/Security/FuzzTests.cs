using CustomActivities.Tests.Integration.Api;
using CustomActivities.Tests.Reliability;

namespace CustomActivities.Tests.Integration.Security;

/// <summary>
/// 2,000 malformed or hostile calls (fixed seed, so a failure replays) across every /rest and /identity endpoint. The
/// reliability command of the benchmarks runs the same generator for 100,000 calls against the real server process.
/// </summary>
// It ends with SQLite's own integrity check of the file.
[Trait("Database", "Sqlite")]
public sealed class FuzzTests
{
    public const int Seed = HostileRequests.DefaultSeed;

    [Fact]
    public async Task Hostile_calls_never_get_a_5xx_always_get_a_Marketo_answer_store_nothing_when_refused_and_leave_the_file_intact()
    {
        await using var fixture = new ApiFixture();
        fixture.Factory.WithSetting("Api:RateLimitCalls", "1000000").WithSetting("Api:DailyQuota", "100000000");
        await fixture.InitializeAsync();
        var person = await fixture.Api.SeedPersonAsync();
        var token = await fixture.Api.TokenAsync(await fixture.Api.CreateApiClientAsync());
        using var http = fixture.Factory.CreateClient();

        var report = await FuzzRun.RunAsync(http, token, fixture.Factory.DatabasePath,
            new HostileRequests(Seed, person, fixture.TypeId, ApiFixture.TypeApiName), 2_000, cancellationToken: TestContext.Current.CancellationToken);

        TestContext.Current.SendDiagnosticMessage(report.ToString());
        Assert.True(report.Clean, report.ToString());
    }
}
