using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CustomActivities.Tests.Support;

/// <summary>
/// Core services over a real, migrated database (the run's provider), as the web app wires them, with a controllable clock and actor.
/// Build one with <see cref="CoreTestHostBuilder"/>.
/// </summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    private readonly TempDatabase? ownDatabase;
    private readonly ServiceProvider provider;
    private readonly AsyncServiceScope scope;

    internal CoreTestHost(TempDatabase? ownDatabase, DatabaseTarget database, ServiceProvider provider, MutableActor actor, FakeTimeProvider clock)
    {
        this.ownDatabase = ownDatabase;
        Database = database;
        this.provider = provider;
        scope = provider.CreateAsyncScope();
        Actor = actor;
        Clock = clock;
    }

    public MutableActor Actor { get; }
    public FakeTimeProvider Clock { get; }

    /// <summary>The SQLite file, for the tests that examine SQLite itself (marked <c>[Trait("Database", "Sqlite")]</c>).</summary>
    public string DatabasePath => TempDatabase.SqliteFile(Database);

    public DatabaseTarget Database { get; }
    public IServiceProvider Services => scope.ServiceProvider;

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public AppDbContext NewContext() => Get<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
        ownDatabase?.Dispose();
    }
}

/// <summary>The acting user of a test; switch it to act as someone else.</summary>
public sealed class MutableActor : ICurrentActor
{
    public Actor Current { get; set; } = new(ActorKind.User, "admin-id", "admin@test.local", IsAdmin: true);

    public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Current);
}

public sealed class CoreTestHostBuilder
{
    private readonly Dictionary<string, string?> settings = [];
    private DateTimeOffset now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private Action<IServiceCollection>? configure;
    private DatabaseProvider? databaseProvider;
    private CoreTestHost? sharing;

    public CoreTestHostBuilder WithSetting(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    public CoreTestHostBuilder At(DateTimeOffset instant)
    {
        now = instant;
        return this;
    }

    /// <summary>On this provider whatever the run's (a test of one product: <c>[Trait("Database", …)]</c>).</summary>
    public CoreTestHostBuilder On(DatabaseProvider databaseProvider)
    {
        this.databaseProvider = databaseProvider;
        return this;
    }

    public CoreTestHostBuilder WithServices(Action<IServiceCollection> configureServices)
    {
        configure += configureServices;
        return this;
    }

    /// <summary>
    /// A second node on the first host's database (its own services, caches and signals), as two web processes on one
    /// database; the first host owns the database and must be disposed last.
    /// </summary>
    public CoreTestHostBuilder SharingDatabaseWith(CoreTestHost first)
    {
        sharing = first;
        return this;
    }

    public async Task<CoreTestHost> BuildAsync()
    {
        var database = sharing is null ? new TempDatabase(databaseProvider) : null;
        var target = database?.Target ?? sharing!.Database;
        var actor = new MutableActor();
        var clock = new FakeTimeProvider(now);
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ICurrentActor>(actor);
        services.AddCustomActivitiesCore(target);
        services.AddIdentityCore<ApplicationUser>(o => o.Password.RequiredLength = 10)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var host = new CoreTestHost(database, target, provider, actor, clock);
        try
        {
            await host.Get<DatabaseInitializer>().InitializeAsync();
        }
        catch
        {
            // The test never gets the host, so nobody else would remove its database.
            await host.DisposeAsync();
            throw;
        }
        return host;
    }
}
