using System.Text.Json;
using CustomActivities.Core.Events;
using Microsoft.Extensions.Logging;

namespace CustomActivities.Core.Activities;

/// <summary>New activities, by person: how many were added to each in one committed batch.</summary>
public sealed record ActivitiesAdded(IReadOnlyDictionary<int, int> CountByPerson);

/// <summary>
/// Notification of committed activities, so open timelines can show "3 new activities" without polling: published after
/// the transaction commits (never for a batch that rolled back) through <see cref="IClusterSignals"/>, so a timeline
/// open on any node of the database hears a batch stored by any other.
/// </summary>
public sealed class ActivityFeed : IDisposable
{
    public const string SignalName = "activities.added";

    /// <summary>
    /// People per message: a person's entry takes at most 25 bytes ("-2147483648":2147483647,), so 250 of them stay
    /// under <see cref="IClusterSignals.MaxPayloadBytes"/>. A larger batch goes out as several messages.
    /// </summary>
    internal const int PeoplePerSignal = 250;

    private readonly IClusterSignals signals;
    private readonly ILogger<ActivityFeed> logger;
    private readonly IDisposable subscription;

    public ActivityFeed(IClusterSignals signals, ILogger<ActivityFeed> logger)
    {
        this.signals = signals;
        this.logger = logger;
        subscription = signals.Subscribe(SignalName, OnSignal);
    }

    /// <summary>Raised once per message heard, on this node's publishing thread or the listener's.</summary>
    public event Action<ActivitiesAdded>? Added;

    /// <summary>Tells every node. The batch is already stored when this runs, so nothing here reaches the caller.</summary>
    internal void Publish(ActivitiesAdded added)
    {
        foreach (var chunk in added.CountByPerson.Chunk(PeoplePerSignal))
        {
            signals.Publish(SignalName, JsonSerializer.Serialize(chunk.ToDictionary(p => p.Key, p => p.Value)));
        }
    }

    /// <summary>
    /// Tells every subscriber of this node. A failing subscriber is logged and must neither stop the others nor reach
    /// the writer (which would answer "nothing stored" for a stored batch).
    /// </summary>
    private void OnSignal(string payload)
    {
        if (Added is not { } subscribers)
        {
            return;
        }
        Dictionary<int, int>? countByPerson;
        try
        {
            countByPerson = JsonSerializer.Deserialize<Dictionary<int, int>>(payload);
        }
        catch (JsonException e)
        {
            // Another version of the app on the same database, say during a rolling upgrade: its timelines still update.
            logger.LogWarning(e, "A new-activities message could not be read and was ignored");
            return;
        }
        if (countByPerson is null)
        {
            return;
        }
        var added = new ActivitiesAdded(countByPerson);
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

    public void Dispose() => subscription.Dispose();
}
