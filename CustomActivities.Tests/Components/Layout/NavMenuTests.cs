using Bunit;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Layout;
using CustomActivities.Web.Components.Pages.ActivityTypes;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Components.Layout;

public sealed class NavMenuTests : AppComponentContext, IAsyncLifetime
{
    // The sidebar's approvals badge reads the queue from a real database.
    private CoreTestHost core = null!;

    protected override void AddServices(IServiceCollection services) => services
        .AddSingleton(_ => core.Get<ActivityTypeService>())
        .AddSingleton(_ => core.Get<ApprovalQueueNotifier>());

    public async ValueTask InitializeAsync() => core = await new CoreTestHostBuilder().BuildAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await core.DisposeAsync();
    }

    private static string[] Entries(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll(".mud-nav-link-text").Select(e => e.FirstChild?.TextContent.Trim() ?? "").ToArray();

    [Fact]
    public async Task The_approvals_entry_shows_how_many_types_wait_for_approval_and_follows_the_queue()
    {
        var marketer = new Actor(ActorKind.User, "m", "mark@x.y");
        var types = core.Get<ActivityTypeService>();
        await types.CreateAsync(marketer, Define.ActivityType.Named("Webinar attended").Build(), Xunit.TestContext.Current.CancellationToken);
        await types.CreateAsync(marketer, Define.ActivityType.Named("Cheque deposited").Build(), Xunit.TestContext.Current.CancellationToken);
        SignInAs("admin@x.y", Roles.Admin);

        var menu = Render<NavMenu>();

        menu.WaitForAssertion(() => Assert.Equal("2", menu.Find("[data-testid=approvals-badge]").TextContent.Trim()));
        // No one announces the change: the type's own event, published after the commit, refreshes the badge.
        await types.CreateAsync(marketer, Define.ActivityType.Named("Car bought").Build(), Xunit.TestContext.Current.CancellationToken);
        menu.WaitForAssertion(() => Assert.Equal("3", menu.Find("[data-testid=approvals-badge]").TextContent.Trim()));
    }

    [Fact]
    public void An_empty_queue_shows_no_badge()
    {
        SignInAs("admin@x.y", Roles.Admin);

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-testid=approvals-badge]"));
    }

    [Fact]
    public void An_admin_sees_every_entry_including_the_admin_pages()
    {
        SignInAs("admin@x.y", Roles.Admin);

        var menu = Render<NavMenu>();

        Assert.Equal(["Dashboard", "Activity types", "Approvals", "People", "Static lists", "Smart lists", "API clients", "Users", "Audit log"], Entries(menu));
    }

    [Fact]
    public void A_marketer_does_not_see_the_admin_pages()
    {
        SignInAs("mark@x.y", Roles.Marketer);

        var menu = Render<NavMenu>();

        Assert.Equal(["Dashboard", "Activity types", "People", "Static lists", "Smart lists", "Audit log"], Entries(menu));
    }

    [Fact]
    public void Labels_follow_the_ui_culture()
    {
        UseCulture("fr");
        SignInAs("admin@x.y", Roles.Admin);

        var menu = Render<NavMenu>();

        Assert.Contains("Tableau de bord", Entries(menu));
        Assert.Contains("Journal d'audit", Entries(menu));
    }
}
