using CustomActivities.Core.Activities;
using CustomActivities.Core.Lists;
using CustomActivities.Core.People;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Components.People;

/// <summary>The People components over Core's real people and timeline services on a real SQLite file.</summary>
public abstract class PeopleComponentContext : CoreComponentContext
{
    protected override IEnumerable<Type> CoreServices =>
        [typeof(PeopleService), typeof(TimelineService), typeof(StaticListService), typeof(StaticListMembership), typeof(TimeProvider)];

    protected override void AddServices(IServiceCollection services)
    {
        base.AddServices(services);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
    }

    protected FixtureData Data() => FixtureData.Open(Core.Database);
}
