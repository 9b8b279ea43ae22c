using CustomActivities.Core.Events;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>
/// Tells whoever shows the approval queue (each open circuit's sidebar badge) that it may have changed: a draft submitted,
/// approved or discarded, a type archived, restored or deleted, in the app or through the REST API. It hears the types'
/// own events once they are committed, so no caller has to remember to announce a change. Raised on the writer's
/// thread: a component must marshal it (InvokeAsync).
/// </summary>
public sealed class ApprovalQueueNotifier : IDomainEventHandler<ActivityTypeEvent>
{
    public event Action? QueueChanged;

    public Task HandleAsync(ActivityTypeEvent domainEvent, CancellationToken cancellationToken)
    {
        QueueChanged?.Invoke();
        return Task.CompletedTask;
    }
}
