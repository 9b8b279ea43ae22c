using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Events;
using CustomActivities.Core.People;
using CustomActivities.Core.Persistence.Postgres;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Integration.Postgres;

/// <summary>
/// Core as the app wires it, on two nodes (two service providers, as two web processes) over one SQLite file, whose
/// signals meet on a real PostgreSQL database: what one node commits reaches what the other shows or holds in memory.
/// </summary>
[Trait("Database", "Postgres")]
public sealed class TwoNodeLiveUpdatesTests : IAsyncLifetime
{
    private const string Barrier = "test.barrier";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly PostgresDatabase database = new();
    private readonly List<CoreTestHost> hosts = [];

    public ValueTask InitializeAsync() => database.InitializeAsync();

    [Fact]
    public async Task A_person_created_on_one_node_shows_as_a_new_activity_on_a_timeline_open_on_the_other()
    {
        var (a, b) = await StartTwoNodesAsync();
        using var watcher = new PersonActivityWatcher(b.Get<ActivityFeed>(), personId: 1);
        var heardOnB = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Changed += pending => heardOnB.TrySetResult(pending);

        var created = await a.Get<PeopleService>().CreateAsync(new PersonInput { Email = "ada@example.com" }, Ct);

        Assert.Equal(1, created.Value);
        Assert.Equal(1, await heardOnB.Task.WaitAsync(Ct));
    }

    [Fact]
    public async Task A_draft_submitted_on_one_node_refreshes_the_approvals_badge_on_the_other()
    {
        var (a, b) = await StartTwoNodesAsync();
        var countSeenOnB = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Get<ApprovalQueueNotifier>().QueueChanged += () => countSeenOnB.TrySetResult(CountPending(b));

        var submitted = await a.Get<ActivityTypeService>().CreateAsync(Marketer, Define.ActivityType.Build(), Ct);

        Assert.True(submitted.Succeeded);
        Assert.Equal(1, await countSeenOnB.Task.WaitAsync(Ct));
    }

    [Fact]
    public async Task A_type_approved_on_one_node_is_live_for_ingestion_on_the_other()
    {
        var (a, b) = await StartTwoNodesAsync();
        using var barrierOnB = new SignalRecorder(b.Get<IClusterSignals>(), Barrier);
        var types = a.Get<ActivityTypeService>();
        await types.CreateAsync(Marketer, Define.ActivityType.Build(), Ct);
        await PassBarrierAsync(a, barrierOnB, "drafted");
        Assert.Equal(LiveTypeState.NotApproved, (await b.Get<ActivityTypeCatalog>().FindAsync("webinarAttended", Ct))!.State);

        await types.ApproveAsync(Admin, "webinarAttended", cancellationToken: Ct);
        await PassBarrierAsync(a, barrierOnB, "approved");

        var live = await b.Get<ActivityTypeCatalog>().FindAsync("webinarAttended", Ct);
        Assert.Equal((LiveTypeState.Approved, 1), (live!.State, live.VersionNumber));
    }

    [Fact]
    public async Task A_client_revoked_on_one_node_has_its_token_refused_by_the_other_that_had_it_in_memory()
    {
        var (a, b) = await StartTwoNodesAsync();
        using var barrierOnB = new SignalRecorder(b.Get<IClusterSignals>(), Barrier);
        var client = (await a.Get<ApiClientService>().CreateAsync("two-nodes", ApiPermission.Full, Ct)).Value!;
        var token = (await a.Get<ApiTokenService>().IssueAsync(client.ClientId, client.Secret, Ct))!.AccessToken;
        Assert.Equal(TokenCheck.Valid, (await b.Get<ApiTokenService>().CheckAsync(token, Ct)).Check);

        await a.Get<ApiClientService>().RevokeAsync(client.Id, Ct);
        await PassBarrierAsync(a, barrierOnB, "revoked");

        Assert.Equal(TokenCheck.Invalid, (await b.Get<ApiTokenService>().CheckAsync(token, Ct)).Check);
    }

    [Fact]
    public async Task The_provider_registration_replaces_the_in_process_signals_and_reports_the_listener_to_health()
    {
        var (a, _) = await StartTwoNodesAsync();

        Assert.IsType<PostgresClusterSignals>(a.Get<IClusterSignals>());
        var report = await a.Get<HealthCheckService>().CheckHealthAsync(Ct);
        Assert.Equal(HealthStatus.Healthy, report.Entries["live-updates"].Status);
    }

    /// <summary>
    /// Sent by A after its change: B hears A's messages in the order A sent them, so once B hears this one it has heard
    /// (and acted on) every message the change sent.
    /// </summary>
    private static Task PassBarrierAsync(CoreTestHost sender, SignalRecorder receiver, string step)
    {
        sender.Get<IClusterSignals>().Publish(Barrier, step);
        return receiver.WaitForAsync(step);
    }

    private static int CountPending(CoreTestHost host) =>
        host.Get<ActivityTypeService>().PendingApprovalCountAsync(CancellationToken.None).GetAwaiter().GetResult();

    private async Task<(CoreTestHost A, CoreTestHost B)> StartTwoNodesAsync()
    {
        var a = await StartNodeAsync(new CoreTestHostBuilder());
        var b = await StartNodeAsync(new CoreTestHostBuilder().SharingDatabaseWith(a));
        return (a, b);
    }

    private async Task<CoreTestHost> StartNodeAsync(CoreTestHostBuilder builder)
    {
        var host = await builder.WithServices(s => s.AddPostgresClusterSignals(database.ConnectionString)).BuildAsync();
        hosts.Add(host);
        // No generic host here to start it, as the web app's would.
        var signals = host.Get<PostgresClusterSignals>();
        await signals.StartAsync(Ct);
        await signals.ListeningAsync(cancellationToken: Ct);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        // The first node owns the SQLite file: it goes last.
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.Get<PostgresClusterSignals>().StopAsync(CancellationToken.None);
            await host.DisposeAsync();
        }
        await database.DisposeAsync();
    }
}
