using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Dashboard;
using CustomActivities.Core.People;
using CustomActivities.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomActivities.Core.Persistence;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers persistence and the domain services. The context factory is scoped so that the audit interceptor
    /// sees the actor of the current request or circuit; every operation still creates its own short-lived context.
    /// </summary>
    public static IServiceCollection AddCustomActivitiesCore(this IServiceCollection services, string databasePath)
    {
        var connectionString = SqliteConnectionSetup.ConnectionString(databasePath);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new SqliteDatabase(databasePath));
        services.AddSingleton<ActivityFeed>();
        services.AddSingleton<ActivityBulkWriter>();
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddScoped<AuditableEntityInterceptor>();
        // Split queries: a type loads its versions and their fields, one query per collection, not their cartesian product.
        services.AddDbContextFactory<AppDbContext>((provider, options) => options
                .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(
                    provider.GetRequiredService<SqlitePragmaInterceptor>(),
                    provider.GetRequiredService<AuditableEntityInterceptor>(),
                    provider.GetRequiredService<ActivityTypeCacheInvalidator>()),
            ServiceLifetime.Scoped);
        services.AddScoped<AuditLog>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DashboardService>();
        services.AddScoped<DemoDataSeeder>();
        services.AddActivityTypes();
        services.AddCustomActivitiesApi();
        services.AddPeopleAndTimeline();
        return services;
    }
}
