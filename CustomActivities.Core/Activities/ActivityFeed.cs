namespace CustomActivities.Core.Activities;

/// <summary>New activities, by person: how many were added to each in one committed batch.</summary>
public sealed record ActivitiesAdded(IReadOnlyDictionary<int, int> CountByPerson);

/// <summary>
/// In-process notification of committed activities, so open timelines can show "3 new activities" without polling.
/// Raised after the transaction commits, never for a batch that rolled back.
/// </summary>
public sealed class ActivityFeed
{
    public event Action<ActivitiesAdded>? Added;

    internal void Publish(ActivitiesAdded added) => Added?.Invoke(added);
}
