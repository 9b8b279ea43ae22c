using Bunit;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CustomActivities.Tests.Components.Shared;

public sealed class SharedBlocksTests : AppComponentContext
{
    [Fact]
    public void A_stat_card_shows_its_value_label_and_link()
    {
        var card = Render<StatCard>(p => p
            .Add(c => c.Icon, Icons.Material.Filled.People).Add(c => c.Label, "People").Add(c => c.Value, "1,234").Add(c => c.Path, "people"));

        Assert.Equal("1,234", card.Find("[data-testid=stat-value]").TextContent);
        Assert.Contains("People", card.Markup);
        Assert.Equal("people", card.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void A_page_header_has_one_h1_and_its_actions()
    {
        var header = Render<PageHeader>(p => p
            .Add(c => c.Title, "Activity types")
            .Add(c => c.Actions, (RenderFragment)(b => b.AddMarkupContent(0, "<button id=\"new\">New</button>"))));

        Assert.Equal("Activity types", header.Find("h1").TextContent);
        Assert.NotNull(header.Find(".page-header-actions #new"));
    }

    [Fact]
    public void An_empty_state_says_why_and_offers_the_action()
    {
        var empty = Render<EmptyState>(p => p
            .Add(c => c.Text, "No activity types yet.")
            .Add(c => c.TestId, "types-empty")
            .AddChildContent("<a href=\"activity-types/new\">Create one</a>"));

        Assert.Contains("No activity types yet.", empty.Find("[data-testid=types-empty]").TextContent);
        Assert.Equal("activity-types/new", empty.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void The_not_found_and_access_denied_notices_are_translated()
    {
        UseCulture("fr");

        Assert.Contains("Accès refusé", Render<AccessDeniedNotice>().Find("h1").TextContent);
        Assert.DoesNotContain("Page not found", Render<NotFoundNotice>().Find("h1").TextContent);
    }
}
