using CustomActivities.Core.ApiClients;

namespace CustomActivities.Web.Api;

/// <summary>The REST API, wire-compatible with Marketo's: OAuth token, leads, custom activity types, activities and static lists.</summary>
public static class MarketoApi
{
    public static IServiceCollection AddMarketoApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiAuthentication>();
        services.AddMarketoOpenApi();
        return services;
    }

    public static WebApplication MapMarketoApi(this WebApplication app)
    {
        app.MapMarketoReference();

        IdentityEndpoints.Map(app);

        var rest = app.MapGroup("/rest/v1")
            .AllowAnonymous()
            .DisableAntiforgery()
            .AddEndpointFilter<ApiAuthentication>();
        // Groups without a prefix: only the reference's sections (tags) differ.
        LeadEndpoints.Map(rest.MapGroup("").WithTags(ApiTags.Leads));
        ActivityTypeEndpoints.Map(rest.MapGroup("").WithTags(ApiTags.ActivityTypes));
        ActivityTypeWriteEndpoints.Map(rest.MapGroup("").WithTags(ApiTags.ActivityTypes));
        ActivityEndpoints.Map(rest.MapGroup("").WithTags(ApiTags.Activities));
        LeadChangeEndpoints.Map(rest.MapGroup("").WithTags(ApiTags.Activities));
        ListEndpoints.Map(rest.MapGroup("").WithTags(ApiTags.Lists));

        // Through the token check like every known path: without a valid token an unknown path is 601, as a known one.
        app.MapFallback("/rest/{**path}", () => Envelope.Error(ApiErrors.NotFound()))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription().AddEndpointFilter<ApiAuthentication>();
        return app;
    }

    public static TBuilder Requires<TBuilder>(this TBuilder builder, ApiAccess access) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiAccessRequirement(access));
}
