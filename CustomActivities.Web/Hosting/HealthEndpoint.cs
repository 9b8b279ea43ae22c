using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CustomActivities.Web;

/// <summary>
/// /health for a load balancer and a person: anonymous and cheap (a connection to the database, and flags), it names
/// this node and each check: {"status":"Healthy","node":"web-1","checks":{"database":"Healthy"}}. Unhealthy answers 503,
/// Healthy and Degraded (e.g. live updates from other nodes reconnecting) 200.
/// </summary>
public static class HealthEndpoint
{
    public static IEndpointConventionBuilder MapNodeHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();

    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var node = context.RequestServices.GetRequiredService<IOptions<NodeOptions>>().Value.Name;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteString("node", node);
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteString(name, entry.Status.ToString());
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
