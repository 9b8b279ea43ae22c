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
    public static IServiceCollection AddCustomActivitiesCore(this IServiceCollection services, string databasePath)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPersistence(databasePath);
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
    /// The SQLite file and EF Core over it. The context factory is scoped so that the audit interceptor sees the actor of
    /// the current request or circuit; every operation still creates its own short-lived context.
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, string databasePath)
    {
        var connectionString = SqliteConnectionSetup.ConnectionString(databasePath);
        services.AddSingleton(new SqliteDatabase(databasePath));
        services.AddSingleton<SqlitePragmaInterceptor>();
        // Split queries: a type loads its versions and their fields, one query per collection, not their cartesian product.
        services.AddDbContextFactory<AppDbContext>((provider, options) => options
                .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(
                    provider.GetRequiredService<SqlitePragmaInterceptor>(),
                    provider.GetRequiredService<AuditableEntityInterceptor>(),
                    provider.GetRequiredService<ActivityTypeCacheInvalidator>(),
                    provider.GetRequiredService<AddedActivitiesInterceptor>(),
                    provider.GetRequiredService<DomainEventInterceptor>()),
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
