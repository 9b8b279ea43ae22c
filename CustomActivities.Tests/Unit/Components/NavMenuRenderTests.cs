using System.Globalization;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Layout;
using CustomActivities.Web.Components.Pages.ActivityTypes;
using CustomActivities.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Unit.Components;

public sealed class NavMenuRenderTests : IAsyncLifetime
{
    // The sidebar's approvals badge reads the queue from a real database.
    private CoreTestHost core = null!;

    public async ValueTask InitializeAsync() => core = await new CoreTestHostBuilder().BuildAsync();

    public ValueTask DisposeAsync() => core.DisposeAsync();

    private ComponentRenderer Renderer(string email, string role) =>
        new(ComponentRenderer.UserInRole(email, role), services => services
            .AddSingleton(core.Get<ActivityTypeService>())
            .AddSingleton<ApprovalQueueNotifier>());

    [Fact]
    public async Task The_approvals_entry_shows_how_many_types_wait_for_approval()
    {
        var marketer = new Actor(ActorKind.User, "m", "mark@x.y");
        await core.Get<ActivityTypeService>().CreateAsync(marketer, Define.ActivityType.Named("Webinar attended").Build(), TestContext.Current.CancellationToken);
        await core.Get<ActivityTypeService>().CreateAsync(marketer, Define.ActivityType.Named("Cheque deposited").Build(), TestContext.Current.CancellationToken);
        await using var renderer = Renderer("admin@x.y", Roles.Admin);

        var html = await renderer.RenderAsync<NavMenu>();

        Assert.Matches("data-testid=\"approvals-badge\"[^>]*>\\s*2\\s*<|>2</span>", html);
    }

    [Fact]
    public async Task An_admin_sees_every_entry_including_the_admin_pages()
    {
        await using var renderer = Renderer("admin@x.y", Roles.Admin);

        var html = await renderer.RenderAsync<NavMenu>();

        foreach (var label in new[] { "Dashboard", "Activity types", "Approvals", "People", "Smart lists", "API clients", "Users", "Audit log" })
        {
            Assert.Contains($">{label}<", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_marketer_does_not_see_the_admin_pages()
    {
        await using var renderer = Renderer("mark@x.y", Roles.Marketer);

        var html = await renderer.RenderAsync<NavMenu>();

        Assert.Contains(">Activity types<", html, StringComparison.Ordinal);
        Assert.Contains(">Audit log<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Approvals<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">API clients<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Users<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_follow_the_ui_culture()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("fr");
        try
        {
            await using var renderer = Renderer("admin@x.y", Roles.Admin);
            var html = await renderer.RenderAsync<NavMenu>();
            Assert.Contains(">Tableau de bord<", html, StringComparison.Ordinal);
            Assert.Contains(">Journal d&#x27;audit<", html, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task A_stat_card_shows_its_value_label_and_link()
    {
        await using var renderer = Renderer("admin@x.y", Roles.Admin);

        var html = await renderer.RenderAsync<StatCard>(new Dictionary<string, object?>
        {
            ["Icon"] = "people", ["Label"] = "People", ["Value"] = "1,234", ["Path"] = "people",
        });

        Assert.Contains("1,234", html, StringComparison.Ordinal);
        Assert.Contains(">People<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"people\"", html, StringComparison.Ordinal);
    }
}
