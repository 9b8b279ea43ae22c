using Bunit;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Dashboard;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Components.Dashboard;

/// <summary>The dashboard on a real database: its figures, and recent changes as a marketer and as an admin may read them.</summary>
public sealed class DashboardTests : CoreComponentContext
{
    protected override IEnumerable<Type> CoreServices => [typeof(DashboardService), typeof(TimeProvider)];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var audit = Core.Get<CustomActivities.Core.Auditing.AuditLog>();
        await using var context = Core.NewContext();
        audit.Record(context, Marketer, "activity-type.created", AuditEntityTypes.ActivityType, "1", "Webinar attended", null, null);
        audit.Record(context, Admin, AuditActions.UserCreated, AuditEntityTypes.User, "u1", "new-colleague@test.local", null, null);
        audit.Record(context, Admin, AuditActions.ApiClientRevoked, AuditEntityTypes.ApiClient, "3", "billing-integration", null, null);
        audit.Record(context, new Actor(ActorKind.ApiClient, "c", "crm"), AuditActions.PersonCreated, AuditEntityTypes.Person, "9",
            "a-very-long-unbroken-email-address-of-someone-at-a-company-with-a-long-name@example.com", null, null);
        await context.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private IRenderedComponent<CustomActivities.Web.Components.Pages.Dashboard> RenderAs(Actor viewer, string role)
    {
        Core.Actor.Current = viewer;
        SignInAs(viewer.Name, role);
        return Render<CustomActivities.Web.Components.Pages.Dashboard>();
    }

    private static string[] Changes(IRenderedComponent<CustomActivities.Web.Components.Pages.Dashboard> page) =>
        page.FindAll("[data-testid=recent-change]").Select(c => c.TextContent).ToArray();

    [Fact]
    public void A_marketer_sees_changes_to_people_and_activity_types_but_no_account_or_api_client_event()
    {
        var page = RenderAs(Marketer, Roles.Marketer);

        page.WaitForAssertion(() => Assert.Equal(2, Changes(page).Length));
        Assert.DoesNotContain("new-colleague@test.local", page.Markup);
        Assert.DoesNotContain("billing-integration", page.Markup);
        Assert.Contains("Webinar attended", Changes(page)[1]);
    }

    [Fact]
    public void An_admin_sees_every_recent_change()
    {
        var page = RenderAs(Admin, Roles.Admin);

        page.WaitForAssertion(() => Assert.Equal(4, Changes(page).Length));
        Assert.Contains("User created", Changes(page)[2]);
        Assert.Contains("new-colleague@test.local", Changes(page)[2]);
    }

    [Fact]
    public void Long_unbroken_names_may_wrap_and_the_figures_sit_in_a_grid()
    {
        var page = RenderAs(Admin, Roles.Admin);

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=stat-value]").Count));
        Assert.Contains("mud-grid", page.Find("[data-testid=dashboard-figures]").ClassList);
        Assert.All(page.FindAll("[data-testid=recent-change] .what"), what => Assert.Contains("wrap-anywhere", what.ClassList));
    }
}
