using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.Activities;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// Activities: the live feed of the writer (the writer itself and its SQL are the database provider's), the in-memory catalogue of live types (dropped on every type
    /// change), ingestion and paging for the REST API (with the removal of expired Idempotency-Key answers), and the
    /// person timeline.
    /// </summary>
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddValidatedOptions<IdempotencyOptions>(IdempotencyOptions.Section);
        services.AddSingleton<IdempotentCallSweeper>();
        services.AddHostedService<IdempotentCallCleanup>();
        services.AddSingleton<ActivityFeed>();
        services.AddSingleton<AddedActivitiesInterceptor>();
        services.AddSingleton<ActivityTypeCatalog>();
        services.AddSingleton<ActivityTypeCacheInvalidator>();
        services.AddSingleton<PersonDirectory>();
        services.AddSingleton<ActivityIngestion>();
        services.AddSingleton<ActivityPaging>();
        services.AddDomainEventHandler<ActivityTypeDraftApproved, TypeVersionCatalog>();
        services.AddScoped<TimelineService>();
        return services;
    }
}
