using CustomActivities.Core.Events;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>
/// Tells whoever shows the approval queue (each open circuit's sidebar badge, on every node) that it may have changed: a
/// draft submitted, approved or discarded, a type archived, restored or deleted, in the app or through the REST API. It
/// hears the types' own events once they are committed, so no caller has to remember to announce a change, and passes
/// them on through <see cref="IClusterSignals"/>. Raised on the writer's or the listener's thread: a component must
/// marshal it (InvokeAsync).
/// </summary>
public sealed class ApprovalQueueNotifier : IDomainEventHandler<ActivityTypeEvent>, IDisposable
{
    public const string SignalName = "approval-queue.changed";

    private readonly IClusterSignals signals;
    private readonly IDisposable subscription;

    public ApprovalQueueNotifier(IClusterSignals signals)
    {
        this.signals = signals;
        subscription = signals.Subscribe(SignalName, _ => OnQueueChanged());
        // Badges recount: a draft may have been submitted or approved while this node was cut off.
        signals.MessagesMayHaveBeenMissed += OnQueueChanged;
    }

    private void OnQueueChanged() => QueueChanged?.Invoke();

    public event Action? QueueChanged;

    public Task HandleAsync(ActivityTypeEvent domainEvent, CancellationToken cancellationToken)
    {
        signals.Publish(SignalName, "");
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        subscription.Dispose();
        signals.MessagesMayHaveBeenMissed -= OnQueueChanged;
    }
}
