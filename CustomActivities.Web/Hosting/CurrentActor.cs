using System.Security.Claims;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Users;
using Microsoft.AspNetCore.Components.Authorization;

namespace CustomActivities.Web;

/// <summary>
/// The actor of the current circuit or request (the signed-in user) or, when an API endpoint has set one, the API client.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authenticationStateProvider, IHttpContextAccessor httpContextAccessor) : ICurrentActor
{
    private Actor? apiClient;

    /// <summary>Called by the API's authentication so that audit entries name the client, not a user.</summary>
    public void UseApiClient(Actor actor) => apiClient = actor;

    public async ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default)
    {
        if (apiClient is not null)
        {
            return apiClient;
        }
        try
        {
            var state = await authenticationStateProvider.GetAuthenticationStateAsync();
            return FromPrincipal(state.User);
        }
        catch (InvalidOperationException)
        {
            // Outside a Razor component (start-up, plain HTTP endpoints, Identity's own stores): use the request.
            return httpContextAccessor.HttpContext?.User is { } user ? FromPrincipal(user) : Actor.System;
        }
    }

    public static Actor FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Actor.System;
        }
        return new Actor(
            ActorKind.User,
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            user.Identity.Name ?? "",
            user.IsInRole(Roles.Admin));
    }
}
