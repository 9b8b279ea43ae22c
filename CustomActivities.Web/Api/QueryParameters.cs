namespace CustomActivities.Web.Api;

/// <summary>
/// A query parameter an endpoint reads itself (from <c>HttpContext.Request.Query</c>, so that a bad value gets a Marketo
/// error envelope rather than the framework's 400); the OpenAPI document lists it from this metadata.
/// </summary>
public sealed record ApiQueryParameter(string Name, string Description, bool Required = false);

public static class QueryParameters
{
    public static TBuilder WithQuery<TBuilder>(this TBuilder builder, string name, string description, bool required = false)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ApiQueryParameter(name, description, required));
}
