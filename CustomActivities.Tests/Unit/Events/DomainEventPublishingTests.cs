using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Events;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.Events;

/// <summary>
/// Activity types raise their own events and they are published only once the change is committed: never for a refused
/// change, a failed save or a rolled-back transaction, so a listener (the approvals badge) never shows what is not stored.
/// </summary>
public sealed class DomainEventPublishingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<CoreTestHost> HostAsync() =>
        new CoreTestHostBuilder().WithServices(s => s.AddDomainEventHandler<ActivityTypeEvent, RecordedEvents>()).BuildAsync();

    [Fact]
    public async Task Submitting_and_approving_through_the_service_publish_their_events_after_the_commit()
    {
        await using var host = await HostAsync();
        var service = host.Get<ActivityTypeService>();
        var queue = host.Get<ApprovalQueueNotifier>();
        var pendingSeenByTheQueue = new List<int>();
        // Read from another connection: it sees only what is committed.
        queue.QueueChanged += () => pendingSeenByTheQueue.Add(CountDrafts(host));

        await service.CreateAsync(Marketer, Define.ActivityType.Build(), Ct);
        await service.ApproveAsync(Admin, "webinarAttended", cancellationToken: Ct);

        Assert.Equal([new ActivityTypeDraftSubmitted("webinarAttended", 1), new ActivityTypeDraftApproved("webinarAttended", 1)],
            host.Get<RecordedEvents>().Events);
        Assert.Equal([1, 0], pendingSeenByTheQueue);
    }

    [Fact]
    public async Task A_refused_change_publishes_nothing()
    {
        await using var host = await HostAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Marketer, Define.ActivityType.Build(), Ct);
        var recorded = host.Get<RecordedEvents>();
        recorded.Events.Clear();

        var refused = await service.ApproveAsync(Marketer, "webinarAttended", cancellationToken: Ct);

        Assert.False(refused.Succeeded);
        Assert.Empty(recorded.Events);
    }

    [Fact]
    public async Task A_failed_save_publishes_nothing_and_the_next_save_publishes_only_its_own_events()
    {
        await using var host = await HostAsync();
        var recorded = host.Get<RecordedEvents>();
        var definition = Define.ActivityType.Build();
        await using (var context = host.NewContext())
        {
            // The second type takes the same API name: the unique index refuses the whole save.
            context.ActivityTypes.AddRange(
                ActivityType.CreateDraft(definition, Marketer, host.Clock.GetUtcNow()),
                ActivityType.CreateDraft(definition, Marketer, host.Clock.GetUtcNow()));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(Ct));
        }
        Assert.Empty(recorded.Events);

        await using (var context = host.NewContext())
        {
            context.ActivityTypes.Add(ActivityType.CreateDraft(Define.ActivityType.Named("Cheque deposited").Build(), Marketer, host.Clock.GetUtcNow()));
            await context.SaveChangesAsync(Ct);
        }

        Assert.Equal([new ActivityTypeDraftSubmitted("chequeDeposited", 1)], recorded.Events);
    }

    [Fact]
    public async Task Inside_a_transaction_events_wait_for_the_commit_and_die_with_a_rollback()
    {
        await using var host = await HostAsync();
        var recorded = host.Get<RecordedEvents>();

        await CreateInTransactionAsync(host, commit: false);
        Assert.Empty(recorded.Events);

        await CreateInTransactionAsync(host, commit: true);
        Assert.Equal([new ActivityTypeDraftSubmitted("webinarAttended", 1)], recorded.Events);
    }

    /// <summary>Saves a new type inside an explicit transaction, checks nothing is published yet, then ends the transaction.</summary>
    private static async Task CreateInTransactionAsync(CoreTestHost host, bool commit)
    {
        await using var context = host.NewContext();
        await using var transaction = await context.Database.BeginTransactionAsync(Ct);
        context.ActivityTypes.Add(ActivityType.CreateDraft(Define.ActivityType.Build(), Marketer, host.Clock.GetUtcNow()));
        await context.SaveChangesAsync(Ct);
        Assert.Empty(host.Get<RecordedEvents>().Events);
        await (commit ? transaction.CommitAsync(Ct) : transaction.RollbackAsync(Ct));
    }

    [Fact]
    public async Task A_failing_handler_does_not_undo_or_fail_the_change()
    {
        await using var host = await new CoreTestHostBuilder()
            .WithServices(s => s.AddDomainEventHandler<ActivityTypeEvent, FailingHandler>())
            .BuildAsync();

        var created = await host.Get<ActivityTypeService>().CreateAsync(Marketer, Define.ActivityType.Build(), Ct);

        Assert.True(created.Succeeded);
        Assert.Equal(1, CountDrafts(host));
    }

    private static int CountDrafts(CoreTestHost host)
    {
        using var context = host.NewContext();
        return context.ActivityTypeVersions.IgnoreAutoIncludes().Count(v => v.State == VersionState.Draft);
    }

    private sealed class RecordedEvents : IDomainEventHandler<ActivityTypeEvent>
    {
        public List<ActivityTypeEvent> Events { get; } = [];

        public Task HandleAsync(ActivityTypeEvent domainEvent, CancellationToken cancellationToken)
        {
            Events.Add(domainEvent);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingHandler : IDomainEventHandler<ActivityTypeEvent>
    {
        public Task HandleAsync(ActivityTypeEvent domainEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a listener broke");
    }
}
