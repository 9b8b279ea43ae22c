using Microsoft.AspNetCore.Components;

namespace CustomActivities.Web.Components.Account;

/// <summary>Redirects from statically rendered account pages (as the Blazor Web App template does).</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        // Only to this app's pages (a ReturnUrl comes from the query string); never an open redirect, never an exception.
        navigationManager.NavigateTo(LocalRedirect.PathOf(uri));
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => "/" + navigationManager.ToBaseRelativePath(navigationManager.Uri).Split('?', '#')[0];

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context) =>
        RedirectToWithStatus(CurrentPath, message, context);
}
