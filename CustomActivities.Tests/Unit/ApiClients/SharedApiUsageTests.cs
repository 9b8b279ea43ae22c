using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Persistence.Postgres;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomActivities.Tests.Unit.ApiClients;

/// <summary>
/// Several web nodes on one PostgreSQL database: each has its own <see cref="ApiUsageTracker"/> (its own process),
/// and the rate window, the daily quota and the concurrency limit count the calls made to all of them.
/// </summary>
[Trait("Database", "Postgres")]
public sealed class SharedApiUsageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_in_flight_on_either_node_count_against_the_concurrency_limit()
    {
        await using var host = await Host().WithSetting("Api:MaxConcurrentCalls", "2").BuildAsync();
        var (one, two, client) = await TwoNodesAsync(host);

        Assert.Equal(ApiAdmission.Admitted, await one.BeginAsync(client, Ct));
        Assert.Equal(ApiAdmission.Admitted, await two.BeginAsync(client, Ct));
        Assert.Equal(ApiAdmission.TooManyConcurrent, await one.BeginAsync(client, Ct));
        Assert.Equal(ApiAdmission.TooManyConcurrent, await two.BeginAsync(client, Ct));

        await two.EndAsync(client);
        Assert.Equal(ApiAdmission.Admitted, await one.BeginAsync(client, Ct));
        Assert.Equal(ApiAdmission.TooManyConcurrent, await two.BeginAsync(client, Ct));
    }

    [Fact]
    public async Task The_rate_window_counts_the_calls_of_both_nodes_and_slides_with_time()
    {
        await using var host = await Host().WithSetting("Api:RateLimitCalls", "3").WithSetting("Api:RateLimitWindowSeconds", "20").BuildAsync();
        var (one, two, client) = await TwoNodesAsync(host);

        foreach (var node in new[] { one, two, one })
        {
            Assert.Equal(ApiAdmission.Admitted, await node.BeginAsync(client, Ct));
            await node.EndAsync(client);
            host.Clock.Advance(TimeSpan.FromSeconds(5));
        }
        Assert.Equal(ApiAdmission.RateLimited, await two.BeginAsync(client, Ct));

        // 21 s after the first call it has left the window: one more fits, on either node.
        host.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(ApiAdmission.Admitted, await two.BeginAsync(client, Ct));
        await two.EndAsync(client);
        Assert.Equal(ApiAdmission.RateLimited, await one.BeginAsync(client, Ct));
    }

    [Fact]
    public async Task The_daily_quota_adds_up_both_nodes_calls_and_the_clients_page_shows_them()
    {
        await using var host = await Host().WithSetting("Api:DailyQuota", "3").BuildAsync();
        var (one, two, client) = await TwoNodesAsync(host);

        foreach (var node in new[] { one, two, two })
        {
            Assert.Equal(ApiAdmission.Admitted, await node.BeginAsync(client, Ct));
            await node.EndAsync(client);
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(ApiAdmission.QuotaExceeded, await one.BeginAsync(client, Ct));
        Assert.Equal(3, (await host.Get<ApiClientService>().ListAsync(cancellationToken: Ct)).Single().CallsToday);

        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(ApiAdmission.Admitted, await one.BeginAsync(client, Ct));
    }

    [Fact]
    public async Task A_node_that_dies_with_calls_in_flight_frees_their_slots_once_its_heartbeat_is_stale()
    {
        await using var host = await Host().WithSetting("Api:MaxConcurrentCalls", "2").WithSetting("Api:RateLimitCalls", "100").BuildAsync();
        var (dying, living, client) = await TwoNodesAsync(host);
        Assert.Equal(ApiAdmission.Admitted, await dying.BeginAsync(client, Ct));
        Assert.Equal(ApiAdmission.Admitted, await dying.BeginAsync(client, Ct));
        // The first node is killed here: its two calls never end.

        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await living.FlushAsync(Ct);
        Assert.Equal(ApiAdmission.TooManyConcurrent, await living.BeginAsync(client, Ct));

        host.Clock.Advance(PostgresApiUsageTracker.StaleAfter);
        await living.FlushAsync(Ct);
        Assert.Equal(ApiAdmission.Admitted, await living.BeginAsync(client, Ct));
        Assert.Equal(ApiAdmission.Admitted, await living.BeginAsync(client, Ct));
        Assert.Equal(ApiAdmission.TooManyConcurrent, await living.BeginAsync(client, Ct));
    }

    private static CoreTestHostBuilder Host() => new CoreTestHostBuilder().On(DatabaseProvider.Postgres);

    /// <summary>The host's own tracker and a second node's, on the same database and clock.</summary>
    private static async Task<(ApiUsageTracker One, ApiUsageTracker Two, int Client)> TwoNodesAsync(CoreTestHost host)
    {
        var client = (await host.Get<ApiClientService>().CreateAsync("shared", ApiPermission.Full, Ct)).Value!.Id;
        var second = new PostgresApiUsageTracker(host.Get<NpgsqlDataSource>(), host.Clock, host.Get<IOptionsMonitor<ApiOptions>>());
        return (host.Get<ApiUsageTracker>(), second, client);
    }
}
