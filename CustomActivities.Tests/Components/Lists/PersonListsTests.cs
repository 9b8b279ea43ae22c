using Bunit;
using CustomActivities.Core.Lists;
using CustomActivities.Web.Components.Pages.Lists;
using Microsoft.AspNetCore.Components.Web;

namespace CustomActivities.Tests.Components.Lists;

public sealed class PersonListsTests : ListsComponentContext
{
    [Fact]
    public async Task Picking_a_list_adds_the_person_and_closing_its_chip_removes_them()
    {
        var person = await PersonAsync("ada@example.com");
        var list = await ListAsync("Webinar leads");
        var changes = 0;
        var panel = RenderWithOverlays(b =>
        {
            b.OpenComponent<PersonLists>(0);
            b.AddAttribute(1, nameof(PersonLists.PersonId), person);
            b.AddAttribute(2, nameof(PersonLists.Changed), Microsoft.AspNetCore.Components.EventCallback.Factory.Create(this, () => changes++));
            b.CloseComponent();
        });
        panel.WaitForAssertion(() => panel.Find("[data-testid=person-lists-none]"));

        panel.Find("[data-testid=person-list-pick] .mud-input-control").MouseDown();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".mud-popover-open .mud-list-item")));
        panel.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("Webinar leads")).Click();
        await panel.Find("[data-testid=person-list-add]").ClickAsync(new MouseEventArgs());

        panel.WaitForAssertion(() => Assert.Equal("Webinar leads", panel.Find("[data-testid=person-list-chip]").TextContent.Trim()));
        Assert.Equal(MembershipStatus.MemberOf, (await Core.Get<StaticListMembership>().IsMemberAsync(list, [person], Ct))![0].Status);

        await panel.Find("[data-testid=person-list-chip] .mud-chip-close-button").ClickAsync(new MouseEventArgs());

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=person-list-chip]")));
        Assert.Equal(2, changes);
    }

    [Fact]
    public async Task Closing_the_chip_of_a_list_deleted_meanwhile_says_the_list_is_gone()
    {
        var person = await PersonAsync("ada@example.com");
        var list = await ListAsync("Webinar leads");
        await Core.Get<StaticListMembership>().AddAsync(list, [person], Ct);
        var panel = RenderWithOverlays(b =>
        {
            b.OpenComponent<PersonLists>(0);
            b.AddAttribute(1, nameof(PersonLists.PersonId), person);
            b.CloseComponent();
        });
        panel.WaitForAssertion(() => panel.Find("[data-testid=person-list-chip]"));
        await Core.Get<StaticListService>().DeleteAsync(list, Ct);

        await panel.Find("[data-testid=person-list-chip] .mud-chip-close-button").ClickAsync(new MouseEventArgs());

        panel.WaitForAssertion(() => Assert.Contains("This list no longer exists.", panel.Find(".mud-snackbar").TextContent));
    }
}
