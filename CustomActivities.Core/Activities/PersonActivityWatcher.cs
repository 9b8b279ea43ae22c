namespace CustomActivities.Core.Activities;

/// <summary>
/// Counts activities committed for one person while a timeline is open ("3 new activities").
/// <see cref="Changed"/> is raised on the writer's thread: a component must marshal it (InvokeAsync).
/// Dispose to unsubscribe from the process-wide feed.
/// </summary>
public sealed class PersonActivityWatcher : IDisposable
{
    private readonly ActivityFeed feed;
    private readonly int personId;
    private int pending;

    public PersonActivityWatcher(ActivityFeed feed, int personId)
    {
        this.feed = feed;
        this.personId = personId;
        feed.Added += OnAdded;
    }

    /// <summary>Activities added for the person since the watcher started or was last reset.</summary>
    public int Pending => Volatile.Read(ref pending);

    public event Action<int>? Changed;

    /// <summary>Called when the new activities have been loaded into the view.</summary>
    public void Reset() => Interlocked.Exchange(ref pending, 0);

    private void OnAdded(ActivitiesAdded added)
    {
        if (added.CountByPerson.TryGetValue(personId, out var count) && count > 0)
        {
            Changed?.Invoke(Interlocked.Add(ref pending, count));
        }
    }

    public void Dispose() => feed.Added -= OnAdded;
}
