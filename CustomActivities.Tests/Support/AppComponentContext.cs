using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CustomActivities.Web;
using CustomActivities.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CustomActivities.Tests.Support;

/// <summary>
/// A bunit context set up as the app is: MudBlazor's services, the app's string resources, a signed-in user, the
/// viewer's zone and theme, and a renderer that reports itself interactive (as a live circuit does).
/// JavaScript calls answer defaults (MudBlazor's own tests do the same), so components render without a browser.
/// </summary>
public abstract class AppComponentContext : BunitContext
{
    private readonly CultureInfo previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo previousUiCulture = CultureInfo.CurrentUICulture;

    protected AppComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddTransient<MudLocalizer, MudBlazorLocalizer>();
        Services.AddScoped<ViewerTimeZone>();
        Services.AddScoped<ViewerTheme>();
        // Before anything resolves a service (SetRendererInfo builds the renderer, which closes registration).
        AddServices(Services);
        Authorization = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        UseCulture("en");
    }

    /// <summary>
    /// The test's own services (Core services on a real database, usually). Called from the constructor, so register
    /// factories (<c>_ => core.Get&lt;T&gt;()</c>) for what the test builds later in InitializeAsync.
    /// </summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Signs the given user in with one role (Admin or Marketer). </summary>
    protected void SignInAs(string email, string role)
    {
        Authorization.SetAuthorized(email);
        Authorization.SetRoles(role);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, email), new Claim(ClaimTypes.Email, email));
    }

    /// <summary>Renders and formats as the given culture would (en, de, nl, pt-BR, es, fr), until the test ends.</summary>
    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
    }

    /// <summary>As prerendering does: the page shows, but no event handler runs yet.</summary>
    protected void RenderStatically() => SetRendererInfo(new RendererInfo("Static", isInteractive: false));

    /// <summary>Renders the component inside the providers MainLayout has: its menus, pickers and dialogs show in the markup.</summary>
    protected IRenderedComponent<WithOverlays> RenderWithOverlays(RenderFragment component) =>
        Render<WithOverlays>(p => p.AddChildContent(component));

    /// <summary>Only the providers, for dialogs opened through <see cref="IDialogService"/>.</summary>
    protected IRenderedComponent<WithOverlays> RenderOverlayProviders() => Render<WithOverlays>();

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = previousCulture;
        CultureInfo.CurrentUICulture = previousUiCulture;
        base.Dispose(disposing);
    }
}
