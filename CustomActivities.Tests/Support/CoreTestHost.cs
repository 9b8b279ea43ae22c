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
/// Core services over a real, migrated SQLite file, as the web app wires them, with a controllable clock and actor.
/// Build one with <see cref="CoreTestHostBuilder"/>.
/// </summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    private readonly TempDatabase database;
    private readonly ServiceProvider provider;
    private readonly AsyncServiceScope scope;

    internal CoreTestHost(TempDatabase database, ServiceProvider provider, MutableActor actor, FakeTimeProvider clock)
    {
        this.database = database;
        this.provider = provider;
        scope = provider.CreateAsyncScope();
        Actor = actor;
        Clock = clock;
    }

    public MutableActor Actor { get; }
    public FakeTimeProvider Clock { get; }
    public string DatabasePath => database.Path;

    public DatabaseTarget Database => database.Target;
    public IServiceProvider Services => scope.ServiceProvider;

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public AppDbContext NewContext() => Get<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
        database.Dispose();
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
    private DatabaseProvider? databaseProviderChoice;

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

    /// <summary>This provider whatever the run's (for tests marked <c>[Trait("Database", ...)]</c>).</summary>
    public CoreTestHostBuilder On(DatabaseProvider databaseProvider)
    {
        databaseProviderChoice = databaseProvider;
        return this;
    }

    public CoreTestHostBuilder WithServices(Action<IServiceCollection> configureServices)
    {
        configure += configureServices;
        return this;
    }

    public async Task<CoreTestHost> BuildAsync()
    {
        var database = new TempDatabase(databaseProviderChoice);
        var actor = new MutableActor();
        var clock = new FakeTimeProvider(now);
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ICurrentActor>(actor);
        services.AddCustomActivitiesCore(database.Target);
        services.AddIdentityCore<ApplicationUser>(o => o.Password.RequiredLength = 10)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var host = new CoreTestHost(database, provider, actor, clock);
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
