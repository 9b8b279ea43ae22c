using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.ApiClients;

public static class ApiServiceCollectionExtensions
{
    /// <summary>API clients, their tokens and their limits (rate, quota, concurrency, usage counters).</summary>
    public static IServiceCollection AddCustomActivitiesApi(this IServiceCollection services)
    {
        services.AddValidatedOptions<ApiOptions>(ApiOptions.Section);
        services.AddDataProtection();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<FailedSecretThrottle>();
        // ApiUsageTracker: registered by the database engine (one node's memory, or counters shared in the database).
        services.AddHostedService<ApiUsageFlusher>();
        services.AddScoped<ApiClientService>();
        return services;
    }
}
