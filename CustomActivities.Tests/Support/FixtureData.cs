using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.People;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomActivities.Tests.Support;

/// <summary>
/// Writes test data into another process's database file (e.g. the browser fixture's app) through Core services.
/// Activities written here do not raise the app's in-process feed; use the app's own paths for live updates.
/// </summary>
public sealed class FixtureData : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private FixtureData(ServiceProvider provider) => this.provider = provider;

    public static FixtureData Open(string databasePath) => Open(DatabaseTarget.Sqlite(databasePath));

    public static FixtureData Open(DatabaseTarget database)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<ICurrentActor>(new FixedActor(Actor.System));
        services.AddCustomActivitiesCore(database);
        return new FixtureData(services.BuildServiceProvider());
    }

    public async Task<Person> AddPersonAsync(Person person)
    {
        await using var scope = provider.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        context.People.Add(person);
        await context.SaveChangesAsync();
        return person;
    }

    public async Task<ActivityType> AddTypeAsync(ActivityType type)
    {
        await using var scope = provider.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        context.ActivityTypes.Add(type);
        await context.SaveChangesAsync();
        return type;
    }

    /// <summary>A REST API client of the app, to drive it as an integration does (its writes fire the live feed).</summary>
    public async Task<ApiClientSecret> AddApiClientAsync(string name, ApiPermission permission = ApiPermission.WriteActivitiesAndLeads)
    {
        await using var scope = provider.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync(name, permission)).Value!;
    }

    public Task<long[]> WriteAsync(IReadOnlyList<NewActivity> activities) =>
        provider.GetRequiredService<ActivityBulkWriter>().WriteAsync(activities);

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
