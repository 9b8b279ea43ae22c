using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomActivities.Core.Events;

/// <summary>
/// Hands committed events to their handlers: those of the event's own type and of each type it derives from. The change is
/// already stored when this runs, so a failing handler is logged and never turns the change into an error.
/// </summary>
public sealed class DomainEventDispatcher(IServiceProvider services, ILogger<DomainEventDispatcher> logger)
{
    private static readonly ConcurrentDictionary<Type, Type[]> HandlerTypes = new();

    public async Task PublishAsync(IReadOnlyList<DomainEvent> domainEvents, CancellationToken cancellationToken = default)
    {
        foreach (var domainEvent in domainEvents)
        {
            foreach (var handlerType in HandlerTypes.GetOrAdd(domainEvent.GetType(), HandlerTypesOf))
            {
                foreach (var handler in services.GetServices(handlerType))
                {
                    try
                    {
                        await (Task)handlerType.GetMethod(nameof(IDomainEventHandler<DomainEvent>.HandleAsync))!
                            .Invoke(handler, [domainEvent, cancellationToken])!;
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
                        logger.LogError(cause, "A handler of {Event} failed after the change was committed", domainEvent.GetType().Name);
                    }
                }
            }
        }
    }

    private static Type[] HandlerTypesOf(Type eventType)
    {
        var handlerTypes = new List<Type>();
        for (var type = eventType; type is not null && typeof(DomainEvent).IsAssignableFrom(type); type = type.BaseType)
        {
            handlerTypes.Add(typeof(IDomainEventHandler<>).MakeGenericType(type));
        }
        return [.. handlerTypes];
    }
}
