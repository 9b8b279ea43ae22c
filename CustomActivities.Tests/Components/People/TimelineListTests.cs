using Bunit;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Web.Components.Pages.People;

namespace CustomActivities.Tests.Components.People;

public sealed class TimelineListTests : PeopleComponentContext
{
    private IRenderedComponent<TimelineList> RenderList(IReadOnlyList<TimelineEntry> entries, bool filtered = false, bool loading = false, bool failed = false) =>
        Render<TimelineList>(p => p
            .Add(c => c.Entries, entries)
            .Add(c => c.Zone, TimeZoneInfo.Utc)
            .Add(c => c.Filtered, filtered)
            .Add(c => c.Loading, loading)
            .Add(c => c.Failed, failed));

    private async Task<IReadOnlyList<TimelineEntry>> SeedTimelineAsync()
    {
        await using var data = Data();
        var person = await data.AddPersonAsync(A.Person.Build());
        var type = await data.AddTypeAsync(A.ActivityType.Named("chequeDeposited", "Cheque deposited")
            .WithPrimary("number", FieldDataType.String, "Cheque number")
            .WithField("amount", FieldDataType.Currency, "Amount")
            .Build());
        await data.WriteAsync([
            An.Activity(person.Id, type.Id).At(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)).Primary("CHQ-2").With("amount", 20.5m).Build(),
            An.Activity(person.Id, type.Id).At(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero)).Primary("CHQ-1").With("amount", 10m).Build(),
        ]);
        return (await Core.Get<TimelineService>().OlderAsync(person.Id, TimelineFilter.None, null, 50, Ct)).Entries;
    }

    [Fact]
    public void A_person_without_activities_is_told_so_not_that_filters_match_nothing()
    {
        var list = RenderList([]);

        Assert.Equal("No activities yet.", list.Find("[data-testid=timeline-empty]").TextContent.Trim());
    }

    [Fact]
    public void With_filters_set_an_empty_list_says_the_filters_match_nothing()
    {
        var list = RenderList([], filtered: true);

        Assert.Equal("No activities match these filters.", list.Find("[data-testid=timeline-empty]").TextContent.Trim());
    }

    [Fact]
    public void While_the_first_page_loads_a_progress_bar_shows_instead_of_an_empty_message()
    {
        var list = RenderList([], loading: true);

        Assert.NotNull(list.Find("[data-testid=timeline-loading]"));
        Assert.Empty(list.FindAll("[data-testid=timeline-empty]"));
    }

    [Fact]
    public void A_failed_load_says_so_and_offers_to_try_again()
    {
        var list = RenderList([], failed: true);

        Assert.Contains("The timeline could not be loaded.", list.Find("[data-testid=timeline-error]").TextContent);
        Assert.NotNull(list.Find("[data-testid=timeline-retry]"));
        Assert.Empty(list.FindAll("[data-testid=timeline-empty]"));
    }

    [Fact]
    public async Task Entries_are_grouped_by_day_newest_first_and_expand_to_show_their_fields()
    {
        var entries = await SeedTimelineAsync();
        var list = RenderList(entries);

        Assert.Equal(["2026-03-01", "2026-02-01"], list.FindAll("[data-testid=timeline-day]").Select(d => d.GetAttribute("data-day")));
        Assert.Equal(["CHQ-2", "CHQ-1"], list.FindAll("[data-testid=entry-primary]").Select(e => e.TextContent));
        Assert.Empty(list.FindAll("[data-testid=entry-fields]"));

        list.FindAll("[data-testid=entry-toggle]")[0].Click();

        var fields = list.Find("[data-testid=entry-fields]");
        Assert.Equal("true", list.FindAll("[data-testid=entry-toggle]")[0].GetAttribute("aria-expanded"));
        Assert.Contains("Amount", fields.TextContent);
        Assert.Equal("$20.50", fields.QuerySelector("[data-testid=field-amount]")!.TextContent.Trim());
        Assert.Contains("chequeDeposited v1", fields.TextContent);
    }

    [Theory]
    [InlineData("en", "Add to List", "List ID")]
    [InlineData("fr", "Ajout à la liste", "ID de la liste")]
    [InlineData("de", "Zur Liste hinzufügen", "Listen-ID")]
    public async Task A_standard_activity_reads_in_the_readers_language_and_a_custom_one_as_its_marketer_named_it(string culture, string type, string field)
    {
        await using var data = Data();
        var person = await data.AddPersonAsync(A.Person.Build());
        var cheques = await data.AddTypeAsync(A.ActivityType.Named("chequeDeposited", "Cheque deposited").Build());
        await using (var context = Core.NewContext())
        {
            var list = new Core.Lists.StaticList { Name = "VIP" };
            context.StaticLists.Add(list);
            await context.SaveChangesAsync(Ct);
            context.Activities.Add(StandardActivities.ListMembership(added: true, person.Id, list, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
            await context.SaveChangesAsync(Ct);
        }
        await data.WriteAsync([An.Activity(person.Id, cheques.Id).At(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero)).Primary("CHQ-1").Build()]);
        var entries = (await Core.Get<TimelineService>().OlderAsync(person.Id, TimelineFilter.None, null, 50, Ct)).Entries;
        UseCulture(culture);

        var rendered = RenderList(entries);
        rendered.FindAll("[data-testid=entry-toggle]")[0].Click();

        Assert.Equal([type, "Cheque deposited"], rendered.FindAll("[data-testid=entry-type]").Select(e => e.TextContent.Trim()));
        Assert.Equal(field, rendered.Find("[data-testid=entry-fields] dt").TextContent.Trim());
    }
}
