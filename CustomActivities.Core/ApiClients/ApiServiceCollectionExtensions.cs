using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.People;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.ApiClients;

public static class ApiServiceCollectionExtensions
{
    /// <summary>API clients, tokens, limits and the services behind the REST API (ingestion, paging, leads, type reads).</summary>
    public static IServiceCollection AddCustomActivitiesApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddDataProtection();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<ApiUsageTracker>();
        services.AddHostedService<ApiUsageFlusher>();
        services.AddScoped<ApiClientService>();
        services.AddSingleton<ActivityTypeCatalog>();
        services.AddSingleton<ActivityTypeCacheInvalidator>();
        services.AddSingleton<PersonDirectory>();
        services.AddSingleton<ActivityIngestion>();
        services.AddSingleton<ActivityPaging>();
        services.AddScoped<ActivityTypeApiQueries>();
        services.AddScoped<LeadService>();
        return services;
    }
}
