using Bunit;
using CustomActivities.Web.Components.Pages.People;

namespace CustomActivities.Tests.Components.People;

public sealed class TimelineFiltersTests : PeopleComponentContext
{
    private readonly List<TimelineUrl> changes = [];

    private IRenderedComponent<TimelineFiltersHost> RenderFilters(TimelineUrl? url = null, IReadOnlyList<(int Id, string DisplayName)>? types = null) =>
        Render<TimelineFiltersHost>(p => p
            .Add(c => c.Url, url ?? TimelineUrl.Empty)
            .Add(c => c.Types, types ?? [])
            .Add(c => c.Changes, changes));

    [Fact]
    public void A_typed_date_is_applied_only_once_it_is_a_complete_valid_date_never_per_key()
    {
        var filters = RenderFilters();
        var from = filters.Find("input[data-testid=filter-from]");

        // The field does not listen to each key (no input handler): it reads the text on Enter or when it is left.
        Assert.False(from.HasAttribute("blazor:oninput"));
        // Committed while still incomplete (as 2026-… is, key by key), or impossible: nothing is applied.
        foreach (var partial in new[] { "2", "2/", "2/1", "2/1/", "2026-0", "2/31/2026", "0002-" })
        {
            filters.Find("input[data-testid=filter-from]").Change(partial);
        }
        Assert.Empty(changes);

        filters.Find("input[data-testid=filter-from]").Change("2/1/2026");
        var applied = Assert.Single(changes);
        Assert.Equal(new DateOnly(2026, 2, 1), applied.From);
        Assert.Equal("from=2026-02-01", applied.Key);
    }

    [Fact]
    public void A_reversed_range_is_flagged_next_to_the_dates()
    {
        var filters = RenderFilters(TimelineUrl.Parse(null, null, "2026-02-01", "2026-01-20", null, null));

        Assert.Contains("\"From\" is after \"To\"", filters.Find("[data-testid=date-range-error]").TextContent);
        Assert.NotNull(filters.Find("[data-testid=clear-filters]"));
    }

    [Fact]
    public void Choosing_types_in_the_menu_filters_the_timeline_to_them()
    {
        var host = RenderWithOverlays(b =>
        {
            b.OpenComponent<TimelineFiltersHost>(0);
            b.AddAttribute(1, nameof(TimelineFiltersHost.Types), (IReadOnlyList<(int Id, string DisplayName)>)[(3, "Webinar attended"), (7, "Cheque deposited")]);
            b.AddAttribute(2, nameof(TimelineFiltersHost.Changes), changes);
            b.CloseComponent();
        });

        host.Find("[data-testid=include-types] .mud-input-control").MouseDown();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll(".mud-popover-open .mud-list-item")));
        host.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("Cheque deposited")).Click();

        host.WaitForAssertion(() => Assert.Equal([7], changes.Last().Types));
        Assert.Equal("types=7", changes.Last().Key);
    }

    [Fact]
    public void Every_input_is_disabled_until_the_page_is_interactive()
    {
        RenderStatically();

        var filters = RenderFilters(TimelineUrl.Parse("1", null, "2026-01-01", null, "x", null), [(1, "Webinar attended")]);

        var inputs = filters.FindAll("input");
        Assert.NotEmpty(inputs);
        Assert.All(inputs, input => Assert.True(input.HasAttribute("disabled"), input.OuterHtml));
        Assert.True(filters.Find("[data-testid=clear-filters]").HasAttribute("disabled"));
    }

    [Fact]
    public void In_french_the_labels_are_translated_and_dates_are_typed_day_first()
    {
        UseCulture("fr");
        var filters = RenderFilters();

        Assert.Contains("Du", filters.Markup);
        Assert.Contains("Aller à la date", filters.Markup);
        filters.Find("input[data-testid=filter-to]").Change("01/02/2026");

        Assert.Equal(["to=2026-02-01"], changes.Select(c => c.Key));
    }
}
