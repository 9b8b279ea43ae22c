using CustomActivities.Core.ApiClients;

namespace CustomActivities.Web.Api;

/// <summary>What an endpoint needs from the calling client (endpoint metadata read by <see cref="ApiAuthentication"/>).</summary>
public sealed record ApiAccessRequirement(ApiAccess Access);

/// <summary>
/// The bearer-token check and limits for every /rest/v1 endpoint: 601 invalid / 602 expired / 603 permission,
/// then 615 concurrency, 606 rate and 607 daily quota; unexpected failures answer 611. Sets the audit actor to the client.
/// </summary>
public sealed class ApiAuthentication(ApiTokenService tokens, ApiUsageTracker usage, ILogger<ApiAuthentication> logger) : IEndpointFilter
{
    public const string CallerItem = "CustomActivities.ApiCaller";

    public static ApiCaller Caller(HttpContext context) => (ApiCaller)context.Items[CallerItem]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = BearerToken(http.Request);
        var (check, caller) = await tokens.CheckAsync(token, http.RequestAborted);
        if (check == TokenCheck.Expired)
        {
            return Envelope.Error(ApiErrors.TokenExpired);
        }
        if (check != TokenCheck.Valid || caller is null)
        {
            return Envelope.Error(ApiErrors.TokenInvalid);
        }
        var required = http.GetEndpoint()?.Metadata.GetMetadata<ApiAccessRequirement>()?.Access ?? ApiAccess.Read;
        if (!caller.Allows(required))
        {
            return Envelope.Error(ApiErrors.AccessDenied);
        }
        switch (await usage.BeginAsync(caller.ClientId, http.RequestAborted))
        {
            case ApiAdmission.TooManyConcurrent:
                return Envelope.Error(ApiErrors.Concurrency);
            case ApiAdmission.RateLimited:
                return Envelope.Error(ApiErrors.RateLimited);
            case ApiAdmission.QuotaExceeded:
                return Envelope.Error(ApiErrors.QuotaReached);
        }
        try
        {
            http.Items[CallerItem] = caller;
            http.RequestServices.GetRequiredService<CurrentActor>().UseApiClient(caller.Actor);
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "API call {Path} of client {Client} failed", http.Request.Path, caller.Name);
            return Envelope.Error(ApiErrors.SystemError);
        }
        finally
        {
            await usage.EndAsync(caller.ClientId);
        }
    }

    /// <summary>"Authorization: Bearer …" or, as Marketo also accepts, ?access_token=….</summary>
    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        return request.Query["access_token"].FirstOrDefault();
    }
}
