using Bunit;
using CustomActivities.Core.Lists;
using CustomActivities.Web.Components.Pages.Lists;
using Microsoft.AspNetCore.Components.Web;

namespace CustomActivities.Tests.Components.Lists;

public sealed class ListsPageTests : ListsComponentContext
{
    private IRenderedComponent<CustomActivities.Tests.Support.WithOverlays> RenderPage() => RenderWithOverlays(b =>
    {
        b.OpenComponent<ListsPage>(0);
        b.CloseComponent();
    });

    [Fact]
    public void Without_lists_the_page_says_how_to_start()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("No lists yet", page.Find("[data-testid=lists-empty]").TextContent));
    }

    [Fact]
    public async Task Creating_a_list_shows_it_and_a_taken_name_is_refused_next_to_the_field()
    {
        await ListAsync("Webinar leads");
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find("[data-testid=list-link]"));

        await page.Find("[data-testid=new-list]").ClickAsync(new MouseEventArgs());
        page.Find("input[data-testid=list-name]").Input("webinar LEADS");
        await page.Find("[data-testid=list-name-save]").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Contains("Another list is already named \"webinar LEADS\".", page.Find("[data-testid=new-list-card]").TextContent));

        page.Find("input[data-testid=list-name]").Input("Trade show");
        await page.Find("[data-testid=list-name-save]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(["Trade show", "Webinar leads"], page.FindAll("[data-testid=list-link]").Select(a => a.TextContent)));
        Assert.Empty(page.FindAll("[data-testid=new-list-card]"));
    }

    [Fact]
    public async Task Renaming_and_deleting_after_confirmation_change_the_list()
    {
        var id = await ListAsync("Old name");
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find("[data-testid=list-rename]"));

        await page.Find("[data-testid=list-rename]").ClickAsync(new MouseEventArgs());
        page.Find("input[data-testid=list-name]").Input("New name");
        await page.Find("[data-testid=list-name-save]").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Equal("New name", page.Find("[data-testid=list-link]").TextContent));

        // The click's handler waits for the confirmation: it completes once the dialog is answered.
        var deleting = page.Find("[data-testid=list-delete]").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Contains("Delete the list “New name”?", page.Find(".mud-dialog").TextContent));
        await page.Find("[data-testid=confirm-ok]").ClickAsync(new MouseEventArgs());
        await deleting;

        page.WaitForAssertion(() => page.Find("[data-testid=lists-empty]"));
        Assert.Null(await Core.Get<StaticListService>().FindAsync(id, Ct));
    }

    [Fact]
    public void The_page_speaks_french_and_its_button_waits_for_interactivity()
    {
        UseCulture("fr");
        RenderStatically();

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("Listes statiques", page.Markup));
        Assert.True(page.Find("[data-testid=new-list]").HasAttribute("disabled"));
    }
}
