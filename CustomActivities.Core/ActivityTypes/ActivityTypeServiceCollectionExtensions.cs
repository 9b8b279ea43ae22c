using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.ActivityTypes;

public static class ActivityTypeServiceCollectionExtensions
{
    public static IServiceCollection AddActivityTypes(this IServiceCollection services)
    {
        services.AddOptions<ActivityTypeOptions>().BindConfiguration(ActivityTypeOptions.Section);
        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.Section);
        services.AddScoped<ActivityTypeService>();
        return services;
    }
}
