namespace CustomActivities.Core.Events;

/// <summary>
/// Something that happened to an entity, raised by the entity itself and published by <see cref="DomainEventInterceptor"/>
/// only once the change is committed: a listener never hears of a change that was rolled back.
/// </summary>
public abstract record DomainEvent;

/// <summary>An entity that raises <see cref="DomainEvent"/>s while it changes.</summary>
public interface IHasDomainEvents
{
    /// <summary>The events raised since the last call, which forgets them (each is published once).</summary>
    IReadOnlyList<DomainEvent> TakeDomainEvents();
}

/// <summary>
/// Reacts to a committed <typeparamref name="TEvent"/> (or to any event deriving from it), in process. Registered as a
/// singleton with <see cref="DomainEventsServiceCollectionExtensions.AddDomainEventHandler{TEvent, THandler}"/>.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : DomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
