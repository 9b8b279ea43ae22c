using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.SmartLists;

public static class SmartListsServiceCollectionExtensions
{
    /// <summary>
    /// Smart lists: the filter catalog, the SQL evaluator, saved lists and their snapshots as static lists, and the field
    /// indexes kept in step with approved types.
    /// </summary>
    public static IServiceCollection AddSmartLists(this IServiceCollection services)
    {
        services.AddValidatedOptions<SmartListOptions>(SmartListOptions.Section);
        services.AddScoped<SmartListCatalog>();
        services.AddScoped<SmartListEvaluator>();
        services.AddScoped<SmartListService>();
        services.AddScoped<SmartListSnapshots>();
        services.AddDomainEventHandler<ActivityTypeEvent, ActivityFieldIndexes>();
        return services;
    }
}
