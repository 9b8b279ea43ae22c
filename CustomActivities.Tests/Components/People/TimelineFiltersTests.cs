using Bunit;
using CustomActivities.Tests.Support;
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

    private IRenderedComponent<WithOverlays> RenderFiltersWithCalendar() => RenderWithOverlays(b =>
    {
        b.OpenComponent<TimelineFiltersHost>(0);
        b.AddAttribute(1, nameof(TimelineFiltersHost.Url), TimelineUrl.Parse(null, null, null, "2026-02-10", null, null));
        b.AddAttribute(2, nameof(TimelineFiltersHost.Changes), changes);
        b.CloseComponent();
    });

    [Fact]
    public void A_date_is_applied_only_when_a_whole_day_is_picked_never_while_browsing_or_typing()
    {
        var host = RenderFiltersWithCalendar();
        var to = host.Find("input[data-testid=filter-to]");

        // No typing at all: a year typed key by key (0002-…) cannot become a filter.
        Assert.True(to.HasAttribute("readonly"));
        Assert.False(to.HasAttribute("blazor:oninput"));

        // Opening the calendar and browsing months and years applies nothing.
        to.Click();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("button.mud-picker-calendar-day")));
        host.FindAll("button.mud-picker-calendar-header-transition")[0].Click();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("button.mud-picker-month")));
        host.FindAll("button.mud-picker-month")[0].Click();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("button.mud-picker-calendar-day")));
        Assert.Empty(changes);

        host.FindAll("button.mud-picker-calendar-day").First(d => d.TextContent.Trim() == "20" && !d.ClassList.Contains("mud-hidden")).Click();

        host.WaitForAssertion(() => Assert.Equal(["to=2026-01-20"], changes.Select(c => c.Key)));
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
    public void In_french_the_labels_and_the_calendar_are_translated()
    {
        UseCulture("fr");
        var host = RenderFiltersWithCalendar();

        Assert.Contains("Du", host.Markup);
        Assert.Contains("Aller à la date", host.Markup);
        Assert.Equal("10/02/2026", host.Find("input[data-testid=filter-to]").GetAttribute("value"));
        host.Find("input[data-testid=filter-to]").Click();
        host.WaitForAssertion(() => Assert.Contains("février", host.Markup));
        host.FindAll("button.mud-picker-calendar-day").First(d => d.TextContent.Trim() == "3" && !d.ClassList.Contains("mud-hidden")).Click();

        host.WaitForAssertion(() => Assert.Equal(["to=2026-02-03"], changes.Select(c => c.Key)));
    }

    [Theory]
    [InlineData("en", "Beginning", "Now", "Most recent")]
    [InlineData("fr", "Le début", "Maintenant", "Les plus récentes")]
    public void An_empty_date_says_what_it_means_in_the_readers_language(string culture, string from, string to, string jumpTo)
    {
        UseCulture(culture);
        var filters = RenderFilters();

        Assert.Equal(from, filters.Find("input[data-testid=filter-from]").GetAttribute("placeholder"));
        Assert.Equal(to, filters.Find("input[data-testid=filter-to]").GetAttribute("placeholder"));
        Assert.Equal(jumpTo, filters.Find("input[data-testid=jump-to]").GetAttribute("placeholder"));
    }
}
