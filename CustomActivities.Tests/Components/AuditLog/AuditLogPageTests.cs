using Bunit;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.AuditLog;
using Microsoft.AspNetCore.Components.Web;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Components.AuditLog;

/// <summary>The audit log page over a real database: its filters, its readable changes, and what a marketer may read.</summary>
public sealed class AuditLogPageTests : CoreComponentContext
{
    protected override IEnumerable<Type> CoreServices => [typeof(CustomActivities.Core.Auditing.AuditLog)];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var audit = Core.Get<CustomActivities.Core.Auditing.AuditLog>();
        await using var context = Core.NewContext();
        audit.Record(context, Marketer, "activity-type.created", AuditEntityTypes.ActivityType, "1", "Webinar attended", null, new { name = "Webinar attended" });
        audit.Record(context, Admin, AuditActions.UserRoleChanged, AuditEntityTypes.User, "u1", "colleague@test.local",
            new { roles = new[] { "Marketer" } }, new { roles = new[] { "Admin" } });
        audit.Record(context, Admin, AuditActions.ApiClientCreated, AuditEntityTypes.ApiClient, "3", "billing", null, null);
        await context.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private IRenderedComponent<WithOverlays> RenderPageAs(Actor viewer, string role)
    {
        Core.Actor.Current = viewer;
        SignInAs(viewer.Name, role);
        return RenderWithOverlays(b =>
        {
            b.OpenComponent<AuditLogPage>(0);
            b.CloseComponent();
        });
    }

    private static string[] Actions(IRenderedComponent<WithOverlays> page) =>
        page.FindAll("[data-testid=audit-action]").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public void An_admin_reads_every_entry_newest_first()
    {
        var page = RenderPageAs(Admin, Roles.Admin);

        page.WaitForAssertion(() => Assert.Equal(["API client created", "User role changed", "Activity type created"], Actions(page)));
    }

    [Fact]
    public void A_marketer_reads_no_user_or_api_client_entry_and_is_offered_no_such_filter()
    {
        var page = RenderPageAs(Marketer, Roles.Marketer);

        page.WaitForAssertion(() => Assert.Single(Actions(page)));
        Assert.DoesNotContain("colleague@test.local", page.Markup);
        Assert.DoesNotContain("billing", page.Markup);
    }

    [Fact]
    public async Task Picking_an_action_narrows_the_list()
    {
        var page = RenderPageAs(Admin, Roles.Admin);
        page.WaitForAssertion(() => Assert.Equal(3, Actions(page).Length));

        var filters = page.FindComponent<AuditFilters>();
        await filters.InvokeAsync(() => filters.Instance.FilterChanged.InvokeAsync(filters.Instance.Filter with { Action = AuditActions.UserRoleChanged }));

        page.WaitForAssertion(() => Assert.Equal(["User role changed"], Actions(page)));
    }

    [Fact]
    public async Task A_date_range_in_the_viewers_days_excludes_entries_outside_it()
    {
        var page = RenderPageAs(Admin, Roles.Admin);
        page.WaitForAssertion(() => Assert.Equal(3, Actions(page).Length));
        var day = Core.Clock.GetUtcNow().UtcDateTime.Date;

        var filters = page.FindComponent<AuditFilters>();
        await filters.InvokeAsync(() => filters.Instance.FilterChanged.InvokeAsync(new AuditFilter(Days: new MudBlazor.DateRange(day.AddDays(1), day.AddDays(2)))));
        page.WaitForAssertion(() => Assert.Empty(Actions(page)));
        Assert.NotNull(page.Find("[data-testid=audit-empty]"));

        await filters.InvokeAsync(() => filters.Instance.FilterChanged.InvokeAsync(new AuditFilter(Days: new MudBlazor.DateRange(day, day))));
        page.WaitForAssertion(() => Assert.Equal(3, Actions(page).Length));
    }

    [Fact]
    public async Task Opening_a_row_shows_the_change_field_by_field()
    {
        var page = RenderPageAs(Admin, Roles.Admin);
        page.WaitForAssertion(() => Assert.Equal(3, Actions(page).Length));

        await page.FindAll(".mud-table-body tr button")[1].ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() =>
        {
            var change = page.Find("[data-testid=audit-change]");
            Assert.Contains("roles", change.TextContent);
            Assert.Contains("Marketer", change.TextContent);
            Assert.Contains("Admin", change.TextContent);
        });
    }

    [Fact]
    public void While_prerendering_the_filters_are_disabled()
    {
        RenderStatically();

        var page = RenderPageAs(Admin, Roles.Admin);

        Assert.All(page.Find("[data-testid=audit-filters]").QuerySelectorAll("input"), input => Assert.True(input.HasAttribute("disabled"), input.OuterHtml));
    }
}
