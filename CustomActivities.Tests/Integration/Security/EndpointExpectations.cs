using CustomActivities.Core.ApiClients;

namespace CustomActivities.Tests.Integration.Security;

/// <summary>Who may call an endpoint or open a page, as the authorization matrix checks it.</summary>
public abstract record Expectation
{
    /// <summary>Anyone, signed in or not (sign-in, health, the API reference, static files).</summary>
    public sealed record Anyone : Expectation;

    /// <summary>A signed-in user of either role; everyone else is sent to sign-in.</summary>
    public sealed record SignedIn : Expectation;

    /// <summary>Admins only: marketers get "access denied", everyone else is sent to sign-in.</summary>
    public sealed record Admin : Expectation;

    /// <summary>REST API: a valid, unexpired token whose client's permission allows <paramref name="Access"/> (601, 602, 603 otherwise).</summary>
    public sealed record Api(ApiAccess Access) : Expectation;

    /// <summary>The OAuth token endpoint: anyone may ask; without credentials the answer is OAuth's 400/401 JSON.</summary>
    public sealed record TokenEndpoint : Expectation;
}

/// <summary>
/// The declared expectation of every endpoint and page, by "METHODS pattern" as the app's endpoint data source lists it.
/// A new endpoint or page fails the matrix until it gets a line here.
/// </summary>
public static class EndpointExpectations
{
    private static readonly Expectation Anyone = new Expectation.Anyone();
    private static readonly Expectation SignedIn = new Expectation.SignedIn();
    private static readonly Expectation Admin = new Expectation.Admin();
    private static readonly Expectation Read = new Expectation.Api(ApiAccess.Read);
    private static readonly Expectation WriteData = new Expectation.Api(ApiAccess.WriteData);
    private static readonly Expectation ManageTypes = new Expectation.Api(ApiAccess.ManageTypes);

    public static readonly IReadOnlyDictionary<string, Expectation> All = new Dictionary<string, Expectation>(StringComparer.Ordinal)
    {
        // Pages (Razor components; GET shows them, POST carries their forms).
        ["GET,POST /"] = SignedIn,
        ["GET,POST /Account/AccessDenied"] = Anyone,
        ["GET,POST /Account/Lockout"] = Anyone,
        ["GET,POST /Account/Login"] = Anyone,
        ["GET,POST /Account/Manage/ChangePassword"] = SignedIn,
        ["GET,POST /Error"] = Anyone,
        ["GET,POST /activity-types"] = SignedIn,
        ["GET,POST /activity-types/new"] = SignedIn,
        ["GET,POST /activity-types/{ApiName}"] = SignedIn,
        ["GET,POST /activity-types/{EditApiName}/edit"] = SignedIn,
        ["GET,POST /api-clients"] = Admin,
        ["GET,POST /approvals"] = Admin,
        ["GET,POST /audit-log"] = SignedIn,
        ["GET,POST /not-found"] = SignedIn,
        ["GET,POST /people"] = SignedIn,
        ["GET,POST /people/{Id:int}"] = SignedIn,
        ["GET,POST /smart-lists"] = SignedIn,
        ["GET,POST /smart-lists/new"] = SignedIn,
        ["GET,POST /smart-lists/{Id:int}"] = SignedIn,
        ["GET,POST /lists"] = SignedIn,
        ["GET,POST /lists/{Id:int}"] = SignedIn,
        ["GET,POST /users"] = Admin,

        // App endpoints outside the API.
        ["POST /Account/Logout"] = Anyone,
        ["GET /Culture/Set"] = Anyone,
        ["* /health"] = Anyone,
        // Blazor's redirect after an enhanced-navigation form post.
        ["GET /_framework/opaque-redirect"] = Anyone,
        ["GET /people/{id:int}/timeline.csv"] = SignedIn,
        ["GET /smart-lists/{id:int}/members.csv"] = SignedIn,
        ["GET /activity-types/{apiName}/schema.json"] = SignedIn,
        ["GET /openapi/{documentName}.json"] = Anyone,
        ["GET /api-docs/{documentName?}"] = Anyone,
        ["GET /api-docs/scalar.js"] = Anyone,
        ["GET /api-docs/scalar.aspnetcore.js"] = Anyone,
        ["GET /api-docs/favicon.svg"] = Anyone,

        // OAuth and the REST API.
        ["GET /identity/oauth/token"] = new Expectation.TokenEndpoint(),
        ["POST /identity/oauth/token"] = new Expectation.TokenEndpoint(),
        ["POST /rest/v1/leads.json"] = WriteData,
        ["GET /rest/v1/leads.json"] = Read,
        ["GET /rest/v1/lead/{id}.json"] = Read,
        ["GET /rest/v1/leads/describe.json"] = Read,
        ["GET /rest/v1/leads/partitions.json"] = Read,
        ["GET /rest/v1/activities/external/types.json"] = Read,
        ["GET /rest/v1/activities/external/type/{apiName}/describe.json"] = Read,
        ["GET /rest/v1/activities/types.json"] = Read,
        ["POST /rest/v1/activities/external/type.json"] = ManageTypes,
        ["POST /rest/v1/activities/external/type/{apiName}.json"] = ManageTypes,
        ["POST /rest/v1/activities/external/type/{apiName}/approve.json"] = ManageTypes,
        ["POST /rest/v1/activities/external/type/{apiName}/discardDraft.json"] = ManageTypes,
        ["POST /rest/v1/activities/external/type/{apiName}/delete.json"] = ManageTypes,
        ["POST /rest/v1/activities/external/type/{apiName}/attributes/create.json"] = ManageTypes,
        ["POST /rest/v1/activities/external/type/{apiName}/attributes/update.json"] = ManageTypes,
        ["POST /rest/v1/activities/external/type/{apiName}/attributes/delete.json"] = ManageTypes,
        ["POST /rest/v1/activities/external.json"] = WriteData,
        ["GET /rest/v1/activities/pagingtoken.json"] = Read,
        ["GET /rest/v1/activities.json"] = Read,
        ["GET /rest/v1/activities/leadchanges.json"] = Read,
        ["GET /rest/v1/lists.json"] = Read,
        ["GET /rest/v1/lists/{listId}.json"] = Read,
        ["GET /rest/v1/lists/{listId}/leads.json"] = Read,
        ["POST /rest/v1/lists/{listId}/leads.json"] = WriteData,
        ["DELETE /rest/v1/lists/{listId}/leads.json"] = WriteData,
        // Marketo asks Read-Write Lead permission here, though it changes nothing.
        ["GET /rest/v1/lists/{listId}/leads/ismember.json"] = WriteData,
        // Unknown API paths: 601 without a valid token, then 610 (never a page).
        ["* /rest/{**path}"] = Read,
    };
}
