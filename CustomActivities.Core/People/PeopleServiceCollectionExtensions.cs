using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.People;

public static class PeopleServiceCollectionExtensions
{
    /// <summary>People search and editing in the app, and leads through the REST API.</summary>
    public static IServiceCollection AddPeopleAndTimeline(this IServiceCollection services)
    {
        services.AddScoped<PeopleService>();
        services.AddScoped<LeadService>();
        return services;
    }
}
