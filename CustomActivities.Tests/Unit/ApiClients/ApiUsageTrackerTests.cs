using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Unit.ApiClients;

public sealed class ApiUsageTrackerTests
{
    [Fact]
    public async Task The_rate_window_slides_with_time_and_concurrency_is_released_when_calls_end()
    {
        await using var host = await new CoreTestHostBuilder()
            .WithSetting("Api:RateLimitCalls", "2").WithSetting("Api:RateLimitWindowSeconds", "20").WithSetting("Api:MaxConcurrentCalls", "2")
            .BuildAsync();
        var tracker = host.Get<ApiUsageTracker>();
        var client = (await host.Get<ApiClientService>().CreateAsync("t", ApiPermission.Full, TestContext.Current.CancellationToken)).Value!.Id;

        Assert.Equal(ApiAdmission.Admitted, await tracker.BeginAsync(client, TestContext.Current.CancellationToken));
        Assert.Equal(ApiAdmission.Admitted, await tracker.BeginAsync(client, TestContext.Current.CancellationToken));
        Assert.Equal(ApiAdmission.TooManyConcurrent, await tracker.BeginAsync(client, TestContext.Current.CancellationToken));
        await tracker.EndAsync(client);
        await tracker.EndAsync(client);
        Assert.Equal(ApiAdmission.RateLimited, await tracker.BeginAsync(client, TestContext.Current.CancellationToken));

        host.Clock.Advance(TimeSpan.FromSeconds(21));

        Assert.Equal(ApiAdmission.Admitted, await tracker.BeginAsync(client, TestContext.Current.CancellationToken));
        await tracker.EndAsync(client);
    }

    [Fact]
    public async Task The_daily_quota_counts_stored_calls_and_starts_again_the_next_UTC_day()
    {
        await using var host = await new CoreTestHostBuilder().WithSetting("Api:DailyQuota", "3").BuildAsync();
        var tracker = host.Get<ApiUsageTracker>();
        var client = (await host.Get<ApiClientService>().CreateAsync("q", ApiPermission.Full, TestContext.Current.CancellationToken)).Value!.Id;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ApiAdmission.Admitted, await tracker.BeginAsync(client, TestContext.Current.CancellationToken));
            await tracker.EndAsync(client);
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(ApiAdmission.QuotaExceeded, await tracker.BeginAsync(client, TestContext.Current.CancellationToken));

        var listed = (await host.Get<ApiClientService>().ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Single();
        Assert.Equal(3, listed.CallsToday);
        host.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(ApiAdmission.Admitted, await tracker.BeginAsync(client, TestContext.Current.CancellationToken));
    }
}
