using Bunit;
using CustomActivities.Web.Components.Pages.Lists;

namespace CustomActivities.Tests.Components.Lists;

public sealed class ListDetailPageTests : ListsComponentContext
{
    [Fact]
    public async Task The_page_is_titled_by_the_list_and_an_unknown_list_shows_not_found()
    {
        var list = await ListAsync("Customers");

        var page = Render<ListDetailPage>(p => p.Add(c => c.Id, list));
        var missing = Render<ListDetailPage>(p => p.Add(c => c.Id, list + 1000));

        page.WaitForAssertion(() => Assert.Contains("Customers", page.Find("h1").TextContent));
        page.WaitForAssertion(() => page.Find("[data-testid=members-grid]"));
        missing.WaitForAssertion(() => missing.Find("[data-testid=not-found]"));
        Assert.Empty(missing.FindAll("[data-testid=members-grid]"));
    }
}
