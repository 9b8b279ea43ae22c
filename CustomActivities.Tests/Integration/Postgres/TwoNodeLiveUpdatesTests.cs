using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
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
/// Core as the app wires it, on two nodes whose signals meet on one PostgreSQL database: what one node commits reaches
/// the live views (timeline, approvals badge) open on the other. (Each node's data is its own SQLite file here: the
/// signals, not the data, are under test.)
/// </summary>
[Trait("Database", "Postgres")]
public sealed class TwoNodeLiveUpdatesTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly PostgresDatabase database = new();
    private readonly List<CoreTestHost> hosts = [];

    public ValueTask InitializeAsync() => database.InitializeAsync();

    [Fact]
    public async Task A_person_created_on_one_node_shows_as_a_new_activity_on_a_timeline_open_on_the_other()
    {
        var (a, b) = (await StartNodeAsync(), await StartNodeAsync());
        var heardOnB = new TaskCompletionSource<ActivitiesAdded>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Get<ActivityFeed>().Added += added => heardOnB.TrySetResult(added);

        var created = await a.Get<PeopleService>().CreateAsync(new PersonInput { Email = "ada@example.com" }, Ct);
        var added = await heardOnB.Task.WaitAsync(Ct);

        Assert.Equal(1, added.CountByPerson[created.Value]);
    }

    [Fact]
    public async Task A_draft_submitted_on_one_node_refreshes_the_approvals_badge_on_the_other()
    {
        var (a, b) = (await StartNodeAsync(), await StartNodeAsync());
        var heardOnB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Get<ApprovalQueueNotifier>().QueueChanged += () => heardOnB.TrySetResult();

        var submitted = await a.Get<ActivityTypeService>().CreateAsync(Marketer, Define.ActivityType.Build(), Ct);
        await heardOnB.Task.WaitAsync(Ct);

        Assert.True(submitted.Succeeded);
    }

    [Fact]
    public async Task The_provider_registration_replaces_the_in_process_signals_and_reports_the_listener_to_health()
    {
        var node = await StartNodeAsync();

        Assert.IsType<PostgresClusterSignals>(node.Get<IClusterSignals>());
        var report = await node.Get<HealthCheckService>().CheckHealthAsync(Ct);
        Assert.Equal(HealthStatus.Healthy, report.Entries["live-updates"].Status);
    }

    private async Task<CoreTestHost> StartNodeAsync()
    {
        var host = await new CoreTestHostBuilder().WithServices(s => s.AddPostgresClusterSignals(database.ConnectionString)).BuildAsync();
        hosts.Add(host);
        // No generic host here to start it, as the web app's would.
        var signals = host.Get<PostgresClusterSignals>();
        await signals.StartAsync(Ct);
        await signals.ListeningAsync(cancellationToken: Ct);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.Get<PostgresClusterSignals>().StopAsync(CancellationToken.None);
            await host.DisposeAsync();
        }
        await database.DisposeAsync();
    }
}
