namespace CustomActivities.Web.Api;

/// <summary>The sections of the API reference, in the order a client meets them.</summary>
public static class ApiTags
{
    public const string Identity = "Identity";
    public const string Leads = "Leads";
    public const string ActivityTypes = "Custom activity types";
    public const string Activities = "Activities";
    public const string Lists = "Static lists";

    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        (Identity, "Get an access token with an API client's id and secret (created by an admin on the API clients page)."),
        (Leads, "People, called leads as in Marketo: create, update, find and describe."),
        (ActivityTypes, "Define custom activity types: read them, create and edit their draft, approve, discard, delete."),
        (Activities, "Add custom activities (with dry run and idempotency) and read every activity page by page."),
        (Lists, "Static lists and their members: get lists, add, remove and check members (each change records Add to List / Remove from List)."),
    ];
}
