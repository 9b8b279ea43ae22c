using CustomActivities.Core.Activities;

namespace CustomActivities.Web;

/// <summary>
/// POST /testing/activities: writes activities through the app's own <see cref="ActivityBulkWriter"/>, so the in-process
/// <see cref="ActivityFeed"/> fires as it does for the REST API. Mapped only when the setting
/// Testing:EnableActivityEndpoint is true (browser tests); never in a normal run. Signed-in users only.
/// </summary>
public static class TestingActivityEndpoint
{
    public const string Setting = "Testing:EnableActivityEndpoint";

    public static WebApplication MapTestingActivityEndpoint(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(Setting))
        {
            app.MapPost("/testing/activities", async (NewActivity[] activities, ActivityBulkWriter writer, CancellationToken cancellationToken) =>
                Results.Ok(await writer.WriteAsync(activities, cancellationToken))).RequireAuthorization();
        }
        return app;
    }
}
