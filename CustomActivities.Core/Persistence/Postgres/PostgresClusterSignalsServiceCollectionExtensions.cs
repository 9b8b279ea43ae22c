using CustomActivities.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace CustomActivities.Core.Persistence.Postgres;

public static class PostgresClusterSignalsServiceCollectionExtensions
{
    /// <summary>
    /// Live updates between the nodes of one PostgreSQL database (LISTEN/NOTIFY) instead of within this process, for the
    /// PostgreSQL provider to call (before or after AddCustomActivitiesCore). Its listener is a hosted service, and
    /// /health reports it as "live-updates" (Degraded, not Unhealthy, while it reconnects: the node still serves).
    /// </summary>
    public static IServiceCollection AddPostgresClusterSignals(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (services.Any(d => d.ServiceType == typeof(PostgresClusterSignals)))
        {
            // The PostgreSQL provider registers it already: one listener per node.
            return services;
        }
        services.AddSingleton(provider => new PostgresClusterSignals(connectionString, provider.GetRequiredService<ILogger<PostgresClusterSignals>>()));
        services.Replace(ServiceDescriptor.Singleton<IClusterSignals>(provider => provider.GetRequiredService<PostgresClusterSignals>()));
        services.AddHostedService(provider => provider.GetRequiredService<PostgresClusterSignals>());
        services.AddHealthChecks().AddCheck<PostgresClusterSignalsHealthCheck>("live-updates", HealthStatus.Degraded);
        return services;
    }
}

/// <summary>Whether this node hears the others' live updates; reads a flag, so /health stays cheap.</summary>
public sealed class PostgresClusterSignalsHealthCheck(PostgresClusterSignals signals) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(signals.IsListening
            ? HealthCheckResult.Healthy("Listening for other nodes' live updates")
            : new HealthCheckResult(context.Registration.FailureStatus, "Not listening to other nodes (reconnecting); pages still work, live updates from other nodes wait"));
}
