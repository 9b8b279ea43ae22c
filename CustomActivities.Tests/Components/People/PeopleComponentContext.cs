using CustomActivities.Core.Activities;
using CustomActivities.Core.Lists;
using CustomActivities.Core.People;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Components.People;

/// <summary>The People components over Core's real people and timeline services on a real SQLite file.</summary>
public abstract class PeopleComponentContext : AppComponentContext, IAsyncLifetime
{
    protected CoreTestHost Core { get; private set; } = null!;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices(IServiceCollection services) => services
        .AddSingleton(_ => Core.Get<PeopleService>())
        .AddSingleton(_ => Core.Get<TimelineService>())
        .AddSingleton(_ => Core.Get<StaticListService>())
        .AddSingleton(_ => Core.Get<StaticListMembership>())
        .AddSingleton(_ => Core.Get<TimeProvider>())
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());

    public async ValueTask InitializeAsync() => Core = await new CoreTestHostBuilder().BuildAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await Core.DisposeAsync();
    }

    protected FixtureData Data() => FixtureData.Open(Core.DatabasePath);
}
