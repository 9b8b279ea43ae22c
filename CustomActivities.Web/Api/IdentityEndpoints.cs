using System.ComponentModel;
using System.Text.Json.Serialization;
using CustomActivities.Core.ApiClients;

namespace CustomActivities.Web.Api;

/// <summary>GET or POST /identity/oauth/token (client credentials), answered as Marketo's identity service does.</summary>
public static class IdentityEndpoints
{
    public sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("scope")] string Scope);

    /// <summary>A refused token request, worded as OAuth 2.0 (and Marketo) word it.</summary>
    public sealed record TokenError(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string Description);

    /// <summary>The client credentials, from the query string or (POST) a form body: Marketo accepts both. Missing is empty.</summary>
    public sealed record TokenRequest(
        [property: JsonPropertyName("grant_type"), Description("client_credentials")] string GrantType,
        [property: JsonPropertyName("client_id"), Description("The client id shown when the client was created")] string ClientId,
        [property: JsonPropertyName("client_secret"), Description("The secret shown once")] string ClientSecret)
    {
        public static TokenRequest From(Func<string, string?> value) =>
            new(value("grant_type") ?? "", value("client_id") ?? "", value("client_secret") ?? "");
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/identity/oauth/token", (HttpContext http, ApiTokenService tokens, FailedSecretThrottle throttle) =>
                IssueAsync(TokenRequest.From(name => http.Request.Query[name].FirstOrDefault()), http, tokens, throttle))
            .AllowAnonymous()
            .WithTags(ApiTags.Identity)
            .Produces<TokenResponse>()
            .Produces<TokenError>(StatusCodes.Status400BadRequest)
            .Produces<TokenError>(StatusCodes.Status401Unauthorized)
            .Produces<TokenError>(StatusCodes.Status429TooManyRequests)
            .WithQuery("grant_type", "client_credentials", required: true)
            .WithQuery("client_id", "the client id shown when the client was created", required: true)
            .WithQuery("client_secret", "the secret shown once", required: true)
            .WithSummary("Get an access token (client credentials)")
            .WithDescription("grant_type=client_credentials&client_id=…&client_secret=…. The token lives Api:TokenLifetimeSeconds (3,600 s); asking again before it expires returns the same token with its remaining lifetime. Bad credentials: HTTP 401 {\"error\":\"invalid_client\"}. Too many failed attempts for the client id or address: HTTP 429 with Retry-After.");

        app.MapPost("/identity/oauth/token", PostAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags(ApiTags.Identity)
            .Accepts<TokenRequest>("application/x-www-form-urlencoded")
            .Produces<TokenResponse>()
            .Produces<TokenError>(StatusCodes.Status400BadRequest)
            .Produces<TokenError>(StatusCodes.Status401Unauthorized)
            .Produces<TokenError>(StatusCodes.Status429TooManyRequests)
            .WithSummary("Get an access token (form body)")
            .WithDescription("Same as GET, with grant_type, client_id and client_secret in an application/x-www-form-urlencoded body.");

        // Any other content type reaches the same code (credentials from the query) instead of the router's bodiless 415.
        app.MapPost("/identity/oauth/token", PostAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithOrder(1)
            .ExcludeFromDescription();
    }

    private static async Task<IResult> PostAsync(HttpContext http, ApiTokenService tokens, FailedSecretThrottle throttle)
    {
        var query = http.Request.Query;
        var (form, unreadable) = await TokenForm.ReadAsync(http);
        if (unreadable is not null)
        {
            return Results.Json(new TokenError("invalid_request", unreadable), statusCode: 400);
        }
        var request = TokenRequest.From(name => form?[name].FirstOrDefault() ?? query[name].FirstOrDefault());
        return await IssueAsync(request, http, tokens, throttle);
    }

    private static async Task<IResult> IssueAsync(TokenRequest request, HttpContext http, ApiTokenService tokens, FailedSecretThrottle throttle)
    {
        var cancellationToken = http.RequestAborted;
        if (!string.Equals(request.GrantType, "client_credentials", StringComparison.Ordinal))
        {
            return Results.Json(new TokenError("unsupported_grant_type", "grant_type must be client_credentials"), statusCode: 400);
        }
        var plausible = TokenForm.Plausible(request.ClientId) && TokenForm.Plausible(request.ClientSecret);
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (plausible && throttle.RetryAfterSeconds(request.ClientId, address) is { } retryAfter)
        {
            // Refused before the lookup, the right secret included, so a guesser learns nothing until the window ends.
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new TokenError("slow_down", "Max rate limit exceeded: too many failed attempts"), statusCode: StatusCodes.Status429TooManyRequests);
        }
        var issued = plausible ? await tokens.IssueAsync(request.ClientId, request.ClientSecret, cancellationToken) : null;
        if (issued is null)
        {
            if (plausible)
            {
                throttle.RecordFailure(request.ClientId, address);
            }
            return Results.Json(new TokenError("invalid_client", "Bad client credentials"), statusCode: 401);
        }
        return Results.Json(new TokenResponse(issued.AccessToken, "bearer", issued.ExpiresIn, issued.Caller.Name));
    }
}
