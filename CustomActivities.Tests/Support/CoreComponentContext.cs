using CustomActivities.Core.Auditing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Support;

/// <summary>
/// A bunit context whose component injects Core services running on a real SQLite database (<see cref="Core"/>), signed
/// in as <see cref="CoreTestHost.Actor"/>. A test class names the services its component injects in <see cref="CoreServices"/>.
/// </summary>
public abstract class CoreComponentContext : AppComponentContext, IAsyncLifetime
{
    protected CoreTestHost Core { get; private set; } = null!;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>The Core services the component under test injects.</summary>
    protected abstract IEnumerable<Type> CoreServices { get; }

    protected override void AddServices(IServiceCollection services)
    {
        // Factories: the host is built later, in InitializeAsync, before anything renders.
        services.AddSingleton<ICurrentActor>(_ => Core.Actor);
        foreach (var type in CoreServices)
        {
            services.AddSingleton(type, _ => Core.Services.GetRequiredService(type));
        }
    }

    public virtual async ValueTask InitializeAsync() => Core = await new CoreTestHostBuilder().BuildAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await Core.DisposeAsync();
    }
}
