using System.Security.Claims;
using CustomActivities.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CustomActivities.Web.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Endpoints the account components post to: sign-out, and the language picker's culture cookie.</summary>
    public static IEndpointRouteBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalRedirect.PathOf(returnUrl));
        });

        // The picker's choice goes in the cookie and, for a signed-in user, on the account (so another browser gets it).
        endpoints.MapGet("/Culture/Set", async (HttpContext context, [FromServices] UserPreferences preferences, string culture, string? redirectUri) =>
        {
            if (SupportedCultures.Find(culture) is { } supported)
            {
                RequestCultures.WriteCookie(context.Response, supported);
                // A GET, so another site could link here: only the app's own pages change what the account keeps.
                if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
                    && context.Request.Headers["Sec-Fetch-Site"].ToString() is "" or "same-origin")
                {
                    await preferences.SetPreferredCultureAsync(userId, supported);
                }
            }
            return TypedResults.LocalRedirect(LocalRedirect.PathOf(redirectUri));
        }).AllowAnonymous();

        return endpoints;
    }
}
