using Microsoft.Extensions.Logging;

namespace CustomActivities.Core.Activities;

/// <summary>New activities, by person: how many were added to each in one committed batch.</summary>
public sealed record ActivitiesAdded(IReadOnlyDictionary<int, int> CountByPerson);

/// <summary>
/// In-process notification of committed activities, so open timelines can show "3 new activities" without polling.
/// Raised after the transaction commits, never for a batch that rolled back.
/// </summary>
public sealed class ActivityFeed(ILogger<ActivityFeed> logger)
{
    public event Action<ActivitiesAdded>? Added;

    /// <summary>
    /// Tells every subscriber. The batch is already stored when this runs, so a failing subscriber is logged and must
    /// neither reach the caller (which would answer "nothing stored" for a stored batch) nor stop the others.
    /// </summary>
    internal void Publish(ActivitiesAdded added)
    {
        if (Added is not { } subscribers)
        {
            return;
        }
        foreach (var subscriber in subscribers.GetInvocationList().Cast<Action<ActivitiesAdded>>())
        {
            try
            {
                subscriber(added);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A subscriber to new activities failed; the batch of {People} people is stored.", added.CountByPerson.Count);
            }
        }
    }
}
