using Bunit;
using CustomActivities.Core.Lists;
using CustomActivities.Web.Components.Pages.Lists;
using Microsoft.AspNetCore.Components.Web;

namespace CustomActivities.Tests.Components.Lists;

public sealed class ListMembersGridTests : ListsComponentContext
{
    [Fact]
    public async Task Members_show_with_links_and_removing_one_takes_them_off_the_list()
    {
        var list = await ListAsync("Customers");
        var ada = await PersonAsync("ada@example.com");
        var bob = await PersonAsync("bob@example.com");
        await Core.Get<StaticListMembership>().AddAsync(list, [ada, bob], Ct);

        var grid = RenderWithOverlays(b =>
        {
            b.OpenComponent<ListMembersGrid>(0);
            b.AddAttribute(1, nameof(ListMembersGrid.ListId), list);
            b.CloseComponent();
        });
        grid.WaitForAssertion(() => Assert.Equal(["ada@example.com", "bob@example.com"], grid.FindAll("[data-testid=member-link]").Select(a => a.TextContent)));

        await grid.FindAll("[data-testid=member-remove]")[0].ClickAsync(new MouseEventArgs());

        grid.WaitForAssertion(() => Assert.Equal(["bob@example.com"], grid.FindAll("[data-testid=member-link]").Select(a => a.TextContent)));
        var membership = await Core.Get<StaticListMembership>().IsMemberAsync(list, [ada], Ct);
        Assert.Equal(MembershipStatus.NotMemberOf, Assert.Single(membership!).Status);
    }

    [Fact]
    public async Task Removing_a_member_of_a_list_deleted_meanwhile_says_the_list_is_gone()
    {
        var list = await ListAsync("Customers");
        var ada = await PersonAsync("ada@example.com");
        await Core.Get<StaticListMembership>().AddAsync(list, [ada], Ct);
        var grid = RenderWithOverlays(b =>
        {
            b.OpenComponent<ListMembersGrid>(0);
            b.AddAttribute(1, nameof(ListMembersGrid.ListId), list);
            b.CloseComponent();
        });
        grid.WaitForAssertion(() => Assert.Single(grid.FindAll("[data-testid=member-link]")));
        await Core.Get<StaticListService>().DeleteAsync(list, Ct);

        await grid.Find("[data-testid=member-remove]").ClickAsync(new MouseEventArgs());

        grid.WaitForAssertion(() => Assert.Contains("This list no longer exists.", grid.Find(".mud-snackbar").TextContent));
    }

    [Fact]
    public async Task An_empty_list_says_no_one_is_on_it()
    {
        var list = await ListAsync("Empty");

        var grid = Render<ListMembersGrid>(p => p.Add(c => c.ListId, list));

        grid.WaitForAssertion(() => Assert.Contains("No one is on this list yet.", grid.Find("[data-testid=members-empty]").TextContent));
    }
}
