using Bunit;
using CustomActivities.Core.Lists;
using CustomActivities.Web.Components.Pages.Lists;
using Microsoft.AspNetCore.Components.Web;

namespace CustomActivities.Tests.Components.Lists;

public sealed class AddToListBarTests : ListsComponentContext
{
    [Fact]
    public void Without_a_selection_the_bar_does_not_show()
    {
        var bar = Render<AddToListBar>(p => p.Add(c => c.PersonIds, Array.Empty<int>()));

        Assert.Empty(bar.FindAll("[data-testid=add-to-list-bar]"));
    }

    [Fact]
    public async Task The_selected_people_are_added_to_the_picked_list()
    {
        var list = await ListAsync("Trade show");
        int[] people = [await PersonAsync("ada@example.com"), await PersonAsync("bob@example.com")];
        var added = 0;
        var host = RenderWithOverlays(b =>
        {
            b.OpenComponent<AddToListBar>(0);
            b.AddAttribute(1, nameof(AddToListBar.PersonIds), (IReadOnlyCollection<int>)people);
            b.AddAttribute(2, nameof(AddToListBar.Added), Microsoft.AspNetCore.Components.EventCallback.Factory.Create(this, () => added++));
            b.CloseComponent();
        });
        host.WaitForAssertion(() => Assert.Equal("2 selected", host.Find("[data-testid=selected-count]").TextContent.Trim()));

        host.Find("[data-testid=selection-list-pick] .mud-input-control").MouseDown();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll(".mud-popover-open .mud-list-item")));
        host.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("Trade show")).Click();
        await host.Find("[data-testid=selection-list-add]").ClickAsync(new MouseEventArgs());

        host.WaitForAssertion(() => Assert.Equal(1, added));
        var members = await Core.Get<StaticListMembership>().IsMemberAsync(list, people, Ct);
        Assert.All(members!, m => Assert.Equal(MembershipStatus.MemberOf, m.Status));
    }
}
