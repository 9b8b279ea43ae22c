using CustomActivities.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.ActivityTypes;

public static class ActivityTypeServiceCollectionExtensions
{
    /// <summary>Defining, approving and archiving activity types, in the app and through the REST API, with their limits.</summary>
    public static IServiceCollection AddActivityTypes(this IServiceCollection services)
    {
        services.AddValidatedOptions<ActivityTypeOptions>(ActivityTypeOptions.Section);
        services.AddValidatedOptions<ApprovalOptions>(ApprovalOptions.Section);
        services.AddScoped<ActivityTypeService>();
        services.AddScoped<ActivityTypeApiQueries>();
        services.AddDomainEventHandler<ActivityTypeEvent, ApprovalQueueNotifier>();
        return services;
    }
}
