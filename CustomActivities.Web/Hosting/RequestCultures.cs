using System.Security.Claims;
using CustomActivities.Core.Users;
using Microsoft.AspNetCore.Localization;

namespace CustomActivities.Web;

/// <summary>
/// How a request's language is chosen: the language cookie (set by the picker, and at sign-in from the account), then
/// the signed-in user's saved language, then the browser's Accept-Language (so the sign-in page follows the browser),
/// then English. A culture the app does not have falls back to its parent or to the same language (de-CH → de,
/// pt-PT → pt-BR). Runs after authentication, which the saved language needs.
/// </summary>
public static class RequestCultures
{
    public static IApplicationBuilder UseRequestCultures(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions
        {
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new SavedLanguageProvider(),
                new BrowserLanguageProvider(),
            ],
        };
        options.SetDefaultCulture(SupportedCultures.Default)
            .AddSupportedCultures(SupportedCultures.Names)
            .AddSupportedUICultures(SupportedCultures.Names);
        return app.UseRequestLocalization(options);
    }

    /// <summary>The picker's cookie, for a year; also written at sign-in from the language saved on the account.</summary>
    public static void WriteCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });

    /// <summary>
    /// The signed-in user's saved language when the browser has no language cookie (it was cleared, or the account signed
    /// in elsewhere with a "remember me" cookie); it is written back as the cookie, so only one request asks the database.
    /// </summary>
    private sealed class SavedLanguageProvider : RequestCultureProvider
    {
        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            // A file (script, style sheet, image) has no text to translate, nor has the circuit's own traffic (the page that
            // opened it already asked): no database read for each of them.
            if (Path.HasExtension(httpContext.Request.Path.Value)
                || httpContext.Request.Path.StartsWithSegments("/_blazor") || httpContext.Request.Path.StartsWithSegments("/_framework")
                || httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
                || httpContext.RequestServices.GetService<UserPreferences>() is not { } preferences)
            {
                return null;
            }
            if (await preferences.PreferredCultureAsync(userId, httpContext.RequestAborted) is not { } culture)
            {
                return null;
            }
            if (!httpContext.Response.HasStarted)
            {
                WriteCookie(httpContext.Response, culture);
            }
            return new ProviderCultureResult(culture);
        }
    }

    /// <summary>
    /// Accept-Language, by quality, each tag matched with <see cref="SupportedCultures.Match"/>: unlike the framework's
    /// provider, a pt-PT browser gets pt-BR rather than English.
    /// </summary>
    private sealed class BrowserLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var languages = httpContext.Request.GetTypedHeaders().AcceptLanguage;
            var chosen = languages
                .OrderByDescending(l => l.Quality ?? 1)
                .Where(l => l.Quality is not 0)
                .Select(l => SupportedCultures.Match(l.Value.Value))
                .FirstOrDefault(c => c is not null);
            return Task.FromResult(chosen is null ? null : new ProviderCultureResult(chosen));
        }
    }
}
