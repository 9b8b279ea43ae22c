using CustomActivities.Core.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.People;

public static class PeopleServiceCollectionExtensions
{
    /// <summary>People search and editing, and the person timeline.</summary>
    public static IServiceCollection AddPeopleAndTimeline(this IServiceCollection services)
    {
        services.AddScoped<PeopleService>();
        services.AddSingleton<TypeVersionCatalog>();
        services.AddScoped<TimelineService>();
        services.AddScoped<Persistence.ScaleSeeder>();
        return services;
    }
}
