using CustomActivities.Core.ApiClients;

namespace CustomActivities.Web.Api;

/// <summary>The REST API, wire-compatible with Marketo's: OAuth token, leads, custom activity types and activities.</summary>
public static class MarketoApi
{
    public const string DocumentName = "v1";
    public const string DocsPath = "/api-docs";

    public static IServiceCollection AddMarketoApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiAuthentication>();
        return services;
    }

    public static WebApplication MapMarketoApi(this WebApplication app)
    {
        app.MapGet($"/openapi/{DocumentName}.json", (EndpointDataSource endpoints) => Results.Text(ApiReference.Document(endpoints), "application/json"))
            .AllowAnonymous().ExcludeFromDescription();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = DocsPath.TrimStart('/');
            options.SwaggerEndpoint($"/openapi/{DocumentName}.json", "CustomActivities REST API");
            options.DocumentTitle = "CustomActivities REST API";
        });

        IdentityEndpoints.Map(app);

        var rest = app.MapGroup("/rest/v1")
            .AllowAnonymous()
            .DisableAntiforgery()
            .AddEndpointFilter<ApiAuthentication>()
            .WithTags("REST v1");
        LeadEndpoints.Map(rest);
        ActivityTypeEndpoints.Map(rest);
        ActivityTypeWriteEndpoints.Map(rest);
        ActivityEndpoints.Map(rest);

        app.MapFallback("/rest/{**path}", () => Envelope.Error(ApiErrors.NotFound()))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    public static TBuilder Requires<TBuilder>(this TBuilder builder, ApiAccess access) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiAccessRequirement(access));
}
