namespace CustomActivities.Web.Api;

/// <summary>
/// An example request body for the OpenAPI document, for endpoints that read their body themselves (so that malformed
/// JSON gets Marketo's 609 rather than the framework's 400) and therefore have no body type to describe.
/// </summary>
public sealed record ApiBodyExample(string Json, string ContentType = "application/json");
