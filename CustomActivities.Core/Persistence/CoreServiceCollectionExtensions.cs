using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Dashboard;
using CustomActivities.Core.Events;
using CustomActivities.Core.Lists;
using CustomActivities.Core.People;
using CustomActivities.Core.SmartLists;
using CustomActivities.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomActivities.Core.Persistence;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Persistence and every feature of Core, as the web app uses them (each feature registers its own services).</summary>
    public static IServiceCollection AddCustomActivitiesCore(this IServiceCollection services, DatabaseTarget database)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPersistence(database);
        services.AddDomainEvents();
        services.AddAuditing();
        services.AddUsers();
        services.AddDashboard();
        services.AddDemoData();
        services.AddActivityTypes();
        services.AddActivities();
        services.AddPeopleAndTimeline();
        services.AddStaticLists();
        services.AddSmartLists();
        services.AddCustomActivitiesApi();
        return services;
    }

    /// <summary>
    /// The database (its provider's side of the seam) and EF Core over it. The context factory is scoped so that the
    /// audit interceptor sees the actor of the current request or circuit; every operation still creates its own
    /// short-lived context.
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, DatabaseTarget database)
    {
        DatabaseEngine.Register(services, database);
        services.AddDbContextFactory<AppDbContext>((provider, options) =>
            {
                provider.GetRequiredService<DatabaseEngine>().UseProvider(options);
                options.AddInterceptors(
                    provider.GetRequiredService<AuditableEntityInterceptor>(),
                    provider.GetRequiredService<ActivityTypeCacheInvalidator>(),
                    provider.GetRequiredService<AddedActivitiesInterceptor>(),
                    provider.GetRequiredService<DomainEventInterceptor>());
            },
            ServiceLifetime.Scoped);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<FileKeyRingImport>();
        return services;
    }

    /// <summary>Demo data for an empty database, on --seed-demo or <c>Demo:Seed</c>.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddValidatedOptions<DemoOptions>(DemoOptions.Section);
        services.AddScoped<DemoDataSeeder>();
        return services;
    }

    /// <summary>
    /// The scale seeder of the <c>seed</c> command and the benchmarks (bulk loads with dropped indexes): not part of the
    /// web app, so only the tools that run it register it.
    /// </summary>
    public static IServiceCollection AddScaleSeeder(this IServiceCollection services) => services.AddScoped<ScaleSeeder>();
}
