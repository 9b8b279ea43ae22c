using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Web.Components.Pages.ActivityTypes;

public static class ActivityTypeEndpoints
{
    /// <summary>The JSON Schema download of an approved version, for signed-in people.</summary>
    public static IEndpointRouteBuilder MapActivityTypeDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/activity-types/{apiName}/schema.json", async (string apiName, int? version, ActivityTypeService types, CancellationToken cancellationToken) =>
                await types.ExportSchemaAsync(apiName, version, cancellationToken) is { } schema
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(schema), "application/schema+json", $"{apiName}{(version is null ? "" : $".v{version}")}.schema.json")
                    : Results.NotFound())
            .RequireAuthorization();
        return endpoints;
    }
}
