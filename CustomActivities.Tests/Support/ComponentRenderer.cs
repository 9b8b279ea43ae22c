using System.Security.Claims;
using CustomActivities.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Radzen;

namespace CustomActivities.Tests.Support;

/// <summary>
/// Renders components to static HTML with the framework's HtmlRenderer and real DI (bunit cannot be restored here).
/// Interaction is tested in Chromium instead.
/// </summary>
public sealed class ComponentRenderer : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly HtmlRenderer renderer;

    public ComponentRenderer(ClaimsPrincipal user, Action<IServiceCollection>? configure = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddLocalization(o => o.ResourcesPath = "Resources");
        collection.AddRadzenComponents();
        collection.AddSingleton<NavigationManager>(new StaticNavigationManager());
        collection.AddSingleton<Microsoft.JSInterop.IJSRuntime, NoJavaScript>();
        collection.AddAuthorizationCore();
        collection.AddCascadingAuthenticationState();
        collection.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationStateProvider(user));
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider();
        renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
    }

    public static ClaimsPrincipal UserInRole(string email, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.NameIdentifier, email), new Claim(ClaimTypes.Role, role)], "test"));

    /// <summary>Renders TComponent inside the cascading authentication state, as the app does.</summary>
    public Task<string> RenderAsync<TComponent>(IDictionary<string, object?>? parameters = null) where TComponent : IComponent =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            RenderFragment child = builder =>
            {
                builder.OpenComponent<TComponent>(0);
                foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
                {
                    builder.AddComponentParameter(1, name, value);
                }
                builder.CloseComponent();
            };
            var output = await renderer.RenderComponentAsync<CascadingAuthenticationState>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { ["ChildContent"] = child }));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });

    public async ValueTask DisposeAsync()
    {
        await renderer.DisposeAsync();
        await services.DisposeAsync();
    }

    private sealed class StaticNavigationManager : NavigationManager
    {
        public StaticNavigationManager() => Initialize("http://localhost/", "http://localhost/");

        protected override void NavigateToCore(string uri, NavigationOptions options) => Uri = ToAbsoluteUri(uri).ToString();
    }

    private sealed class FixedAuthenticationStateProvider(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private sealed class NoJavaScript : Microsoft.JSInterop.IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);
    }
}
