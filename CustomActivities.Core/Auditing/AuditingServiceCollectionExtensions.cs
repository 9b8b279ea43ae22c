using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.Auditing;

public static class AuditingServiceCollectionExtensions
{
    /// <summary>Who changed what: the interceptor that stamps auditable entities, and the audit log.</summary>
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.AddScoped<AuditableEntityInterceptor>();
        services.AddScoped<AuditLog>();
        return services;
    }
}
