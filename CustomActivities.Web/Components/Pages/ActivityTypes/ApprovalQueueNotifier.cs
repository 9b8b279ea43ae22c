namespace CustomActivities.Web.Components.Pages.ActivityTypes;

/// <summary>
/// Tells the sidebar badges of all open circuits that the approval queue may have changed (a draft submitted, approved or discarded).
/// A singleton: each badge subscribes while it is rendered and unsubscribes when disposed.
/// </summary>
public sealed class ApprovalQueueNotifier
{
    public event Action? QueueChanged;

    public void Changed() => QueueChanged?.Invoke();
}
