using CustomActivities.Core.Events;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>Something that happened to an activity type, published once committed.</summary>
public abstract record ActivityTypeEvent(string ApiName) : DomainEvent;

/// <summary>A new type, or a new or edited draft of one, now waits for approval.</summary>
public sealed record ActivityTypeDraftSubmitted(string ApiName, int VersionNumber) : ActivityTypeEvent(ApiName);

public sealed record ActivityTypeDraftApproved(string ApiName, int VersionNumber) : ActivityTypeEvent(ApiName);

public sealed record ActivityTypeDraftDiscarded(string ApiName, int VersionNumber) : ActivityTypeEvent(ApiName);

public sealed record ActivityTypeArchived(string ApiName) : ActivityTypeEvent(ApiName);

public sealed record ActivityTypeRestored(string ApiName) : ActivityTypeEvent(ApiName);

public sealed record ActivityTypeDeleted(string ApiName) : ActivityTypeEvent(ApiName);

public partial class ActivityType : IHasDomainEvents
{
    private readonly List<DomainEvent> domainEvents = [];

    public IReadOnlyList<DomainEvent> TakeDomainEvents()
    {
        var taken = domainEvents.ToList();
        domainEvents.Clear();
        return taken;
    }

    private void Raise(DomainEvent domainEvent) => domainEvents.Add(domainEvent);
}
