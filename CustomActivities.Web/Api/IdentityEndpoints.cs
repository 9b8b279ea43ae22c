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

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/identity/oauth/token", (HttpContext http, ApiTokenService tokens) =>
                IssueAsync(http.Request.Query["grant_type"], http.Request.Query["client_id"], http.Request.Query["client_secret"], tokens, http.RequestAborted))
            .AllowAnonymous()
            .WithTags("Identity")
            .WithQuery("grant_type", "client_credentials", required: true)
            .WithQuery("client_id", "the client id shown when the client was created", required: true)
            .WithQuery("client_secret", "the secret shown once", required: true)
            .WithSummary("Get an access token (client credentials)")
            .WithDescription("grant_type=client_credentials&client_id=…&client_secret=…. The token lives Api:TokenLifetimeSeconds (3,600 s); asking again before it expires returns the same token with its remaining lifetime. Bad credentials: HTTP 401 {\"error\":\"invalid_client\"}.");

        app.MapPost("/identity/oauth/token", async (HttpContext http, ApiTokenService tokens) =>
            {
                var query = http.Request.Query;
                var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
                string? Value(string name) => form?[name].FirstOrDefault() ?? query[name].FirstOrDefault();
                return await IssueAsync(Value("grant_type"), Value("client_id"), Value("client_secret"), tokens, http.RequestAborted);
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Identity")
            .WithSummary("Get an access token (form body)")
            .WithDescription("Same as GET, with grant_type, client_id and client_secret in an application/x-www-form-urlencoded body.")
            .WithMetadata(new ApiBodyExample("\"grant_type=client_credentials&client_id=…&client_secret=…\"", "application/x-www-form-urlencoded"));
    }

    private static async Task<IResult> IssueAsync(string? grantType, string? clientId, string? clientSecret, ApiTokenService tokens, CancellationToken cancellationToken)
    {
        if (!string.Equals(grantType, "client_credentials", StringComparison.Ordinal))
        {
            return Results.Json(new { error = "unsupported_grant_type", error_description = "grant_type must be client_credentials" }, statusCode: 400);
        }
        var issued = await tokens.IssueAsync(clientId, clientSecret, cancellationToken);
        if (issued is null)
        {
            return Results.Json(new { error = "invalid_client", error_description = "Bad client credentials" }, statusCode: 401);
        }
        return Results.Json(new TokenResponse(issued.AccessToken, "bearer", issued.ExpiresIn, issued.Caller.Name));
    }
}
