namespace CustomActivities.Benchmarks;

/// <summary>Who looks at a page in the screenshots command.</summary>
public enum Viewer
{
    Anonymous,
    Admin,
    Marketer,
}

/// <summary>A page to photograph: its file name part, its address, who opens it, and whether it has a circuit.</summary>
public sealed record ScreenshotPage(string Name, string Path, Viewer Viewer, bool Interactive = true);

public static class ScreenshotPages
{
    /// <summary>Every page of the app, with a sample activity type, person, static list and smart list from the database.</summary>
    public static IReadOnlyList<ScreenshotPage> All(string typeApiName, int personId, int listId, int smartListId) =>
    [
        new("sign-in", "Account/Login", Viewer.Anonymous, Interactive: false),
        new("dashboard", "", Viewer.Admin),
        new("activity-types", "activity-types", Viewer.Admin),
        new("activity-type-detail", $"activity-types/{Uri.EscapeDataString(typeApiName)}", Viewer.Admin),
        new("activity-type-wizard", "activity-types/new", Viewer.Admin),
        new("approvals", "approvals", Viewer.Admin),
        new("people", "people", Viewer.Admin),
        new("person", $"people/{personId}", Viewer.Admin),
        new("smart-lists", "smart-lists", Viewer.Admin),
        new("smart-list-builder", "smart-lists/new", Viewer.Admin),
        new("smart-list", $"smart-lists/{smartListId}", Viewer.Admin),
        new("lists", "lists", Viewer.Admin),
        new("list-members", $"lists/{listId}", Viewer.Admin),
        new("api-clients", "api-clients", Viewer.Admin),
        new("users", "users", Viewer.Admin),
        new("audit-log", "audit-log", Viewer.Admin),
        new("change-password", "Account/Manage/ChangePassword", Viewer.Admin, Interactive: false),
        new("not-found", "no-such-page", Viewer.Admin),
        new("marketer-dashboard", "", Viewer.Marketer),
        // The server refuses the Users page to a marketer and redirects to the (statically rendered) access denied page.
        new("access-denied", "users", Viewer.Marketer, Interactive: false),
    ];
}
