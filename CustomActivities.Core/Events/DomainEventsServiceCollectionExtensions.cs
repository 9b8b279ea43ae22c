using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomActivities.Core.Events;

public static class DomainEventsServiceCollectionExtensions
{
    public static IServiceCollection AddDomainEvents(this IServiceCollection services)
    {
        services.AddSingleton<DomainEventDispatcher>();
        services.AddSingleton<DomainEventInterceptor>();
        // One node unless a provider registers its own (AddPostgresClusterSignals), before or after this.
        services.TryAddSingleton<IClusterSignals, InProcessClusterSignals>();
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> (one singleton, also resolvable as itself) for <typeparamref name="TEvent"/>.</summary>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : DomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        services.AddSingleton<THandler>();
        services.AddSingleton<IDomainEventHandler<TEvent>>(provider => provider.GetRequiredService<THandler>());
        return services;
    }
}
