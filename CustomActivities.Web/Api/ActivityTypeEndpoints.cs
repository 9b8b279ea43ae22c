using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;

namespace CustomActivities.Web.Api;

/// <summary>Reading activity types (the write endpoints go through the activity type service).</summary>
public static class ActivityTypeEndpoints
{
    public static void Map(RouteGroupBuilder rest)
    {
        rest.MapGet("/activities/external/types.json", async (ActivityTypeApiQueries queries, CancellationToken ct) =>
                Envelope.Success(await queries.ListAsync(ct)))
            .Requires(ApiAccess.Read)
            .WithSummary("List custom activity types")
            .WithDescription("Every non-archived type with its live version (or its draft before the first approval) and status draft, approved or 'approved with draft' (Marketo's enum); createdAt and updatedAt as 2016-02-03T22:36:23Z.");

        rest.MapGet("/activities/external/type/{apiName}/describe.json", async (string apiName, HttpContext http, ActivityTypeApiQueries queries, CancellationToken ct) =>
                // Read by hand: a bound bool? answered ?draft=maybe with a bodiless 400 instead of the envelope.
                await queries.DescribeAsync(apiName, IsTrue(http.Request.Query["draft"]), ct) is { } type
                    ? Envelope.Success([type])
                    : Envelope.Error(ApiErrors.NotFound(IsTrue(http.Request.Query["draft"]) ? $"Activity type '{apiName}' has no draft" : $"Activity type '{apiName}' not found")))
            .Requires(ApiAccess.Read)
            .WithQuery("draft", "true: describe the pending draft")
            .WithSummary("Describe a custom activity type")
            .WithDescription("The live version; with ?draft=true the pending draft. 610 when there is none. An archived type is described with status deleted (Marketo has no archived status).");

        rest.MapGet("/activities/types.json", async (ActivityTypeApiQueries queries, CancellationToken ct) =>
                Envelope.Success(await queries.ListApprovedAsync(ct)))
            .Requires(ApiAccess.Read)
            .WithSummary("List activity types with their ids")
            .WithDescription("Every approved, non-archived type: id, name, apiName, description, primaryAttribute, attributes.");
    }

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) =>
        string.Equals(value.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
}
