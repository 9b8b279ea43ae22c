using Bunit;
using CustomActivities.Core.People;
using CustomActivities.Tests.Builders;
using CustomActivities.Web.Components.Pages.People;

namespace CustomActivities.Tests.Components.People;

public sealed class PeopleGridTests : PeopleComponentContext
{
    private IRenderedComponent<PeopleGrid> RenderGrid(string? search = null) =>
        Render<PeopleGrid>(p => p.Add(c => c.Search, search).Add(c => c.Field, PeopleSearchField.Any));

    private static string[] Emails(IRenderedComponent<PeopleGrid> grid) =>
        [.. grid.FindAll("[data-testid=person-link]").Select(a => a.TextContent)];

    [Fact]
    public void Without_people_the_grid_says_there_are_none_yet()
    {
        var grid = RenderGrid();

        grid.WaitForAssertion(() => Assert.Equal("No people yet.", grid.Find("[data-testid=people-empty]").TextContent.Trim()));
        Assert.Equal("Matching people: 0", grid.Find("[data-testid=people-count]").TextContent.Trim());
    }

    [Fact]
    public async Task A_search_without_match_says_so_rather_than_that_there_are_no_people()
    {
        await using (var data = Data())
        {
            await data.AddPersonAsync(A.Person.WithEmail("ada@example.com").Build());
        }

        var grid = RenderGrid(search: "zz");

        grid.WaitForAssertion(() => Assert.Equal("No people match this search.", grid.Find("[data-testid=people-empty]").TextContent.Trim()));
    }

    [Fact]
    public async Task People_show_as_rows_sorted_by_email_with_links_to_their_page()
    {
        await using (var data = Data())
        {
            await data.AddPersonAsync(A.Person.WithEmail("bob@example.com").Named("Bob", "Builder").AtCompany("Bricks").Build());
            await data.AddPersonAsync(A.Person.WithEmail("ada@example.com").Named("Ada", "Lovelace").Build());
        }

        var grid = RenderGrid();

        grid.WaitForAssertion(() => Assert.Equal(["ada@example.com", "bob@example.com"], Emails(grid)));
        Assert.Contains("Bob Builder", grid.Markup);
        Assert.Contains("Bricks", grid.Markup);
        Assert.Equal("Matching people: 2", grid.Find("[data-testid=people-count]").TextContent.Trim());
        Assert.StartsWith("people/", grid.Find("[data-testid=person-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Beyond_the_counting_cap_the_count_reads_more_than_and_the_pager_names_no_total()
    {
        await using (var context = Core.NewContext())
        {
            context.People.AddRange(Enumerable.Range(0, PeopleService.MinimumCountCap + 5)
                .Select(i => A.Person.WithEmail($"p{i:D5}@example.com").Build()));
            await context.SaveChangesAsync(Ct);
        }

        var grid = RenderGrid();

        grid.WaitForAssertion(() => Assert.Equal("Matching people: more than 1,000", grid.Find("[data-testid=people-count]").TextContent.Trim()));
        Assert.Equal(25, Emails(grid).Length);
        Assert.DoesNotContain("of 1,000", grid.Markup);
        Assert.DoesNotContain("of 1000", grid.Markup);
    }

    [Fact]
    public void The_search_inputs_are_disabled_until_the_page_is_interactive()
    {
        RenderStatically();

        var grid = RenderGrid();

        Assert.True(grid.Find("input[data-testid=people-search]").HasAttribute("disabled"));
    }
}
