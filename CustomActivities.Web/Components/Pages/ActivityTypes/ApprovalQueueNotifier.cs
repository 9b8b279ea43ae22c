namespace CustomActivities.Web.Components.Pages.ActivityTypes;

/// <summary>Tells the sidebar badge of this circuit that the approval queue may have changed.</summary>
public sealed class ApprovalQueueNotifier
{
    public event Action? QueueChanged;

    public void Changed() => QueueChanged?.Invoke();
}
