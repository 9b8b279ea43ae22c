using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.Lists;

public static class ListsServiceCollectionExtensions
{
    /// <summary>Static lists and their members, for the Lists page and Marketo's Lists API.</summary>
    public static IServiceCollection AddStaticLists(this IServiceCollection services)
    {
        services.AddScoped<StaticListService>();
        services.AddScoped<StaticListMembership>();
        return services;
    }
}
