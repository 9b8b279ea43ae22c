using System.Globalization;
using CustomActivities.Tests.Support;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.EntityFrameworkCore;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.People;
using CustomActivities.Tests.Builders;
using CustomActivities.Web.Components.Pages.People;

namespace CustomActivities.Tests.Components.People;

/// <summary>Grids and values show dates and numbers the way each language of the picker writes them.</summary>
public sealed class CultureFormatsTests : PeopleComponentContext
{
    // Spaces compared as plain ones: ICU writes no-break and narrow no-break spaces (French digit groups, "$ 1.059,50").
    [Theory]
    [InlineData("en", "11/30/2026", "1,234,567", "$1,059.50")]
    [InlineData("de", "30.11.2026", "1.234.567", "1.059,50 $")]
    [InlineData("nl", "30-11-2026", "1.234.567", "$ 1.059,50")]
    [InlineData("pt-BR", "30/11/2026", "1.234.567", "$ 1.059,50")]
    [InlineData("es", "30/11/2026", "1.234.567", "1.059,50 $")]
    [InlineData("fr", "30/11/2026", "1 234 567", "1 059,50 $")]
    public async Task Dates_numbers_and_amounts_follow_the_culture(string culture, string date, string integer, string amount)
    {
        var person = A.Person.WithEmail($"{culture}@example.com").Build();
        await using (var data = Data())
        {
            await data.AddPersonAsync(person);
        }
        // Saving stamps today's date; the test needs a known day whatever day it runs.
        await using (var context = Core.NewContext())
        {
            var createdAt = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
            await context.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.CreatedAt, createdAt), Ct);
        }
        UseCulture(culture);

        var grid = Render<PeopleGrid>(p => p.Add(c => c.Field, PeopleSearchField.Any));
        grid.WaitForAssertion(() => Assert.Single(grid.FindAll("[data-testid=person-link]")));

        Assert.Contains($">{date}<", grid.Markup, StringComparison.Ordinal);
        Assert.Equal(integer, PlainSpaces(Value(FieldDataType.Integer, "1234567")));
        Assert.Equal(amount, PlainSpaces(Value(FieldDataType.Currency, "1059.5")));
    }

    [Theory]
    [InlineData("en", "2/10/2026", DayOfWeek.Sunday)]
    [InlineData("de", "10.02.2026", DayOfWeek.Monday)]
    [InlineData("nl", "10-02-2026", DayOfWeek.Monday)]
    [InlineData("pt-BR", "10/02/2026", DayOfWeek.Sunday)]
    [InlineData("es", "10/2/2026", DayOfWeek.Monday)] // ICU's Spanish short date: d/M/yyyy
    [InlineData("fr", "10/02/2026", DayOfWeek.Monday)]
    public void The_date_pickers_write_the_cultures_date_and_start_its_week_on_its_first_day(string culture, string date, DayOfWeek firstDay)
    {
        UseCulture(culture);
        var host = RenderWithOverlays(b =>
        {
            b.OpenComponent<TimelineFiltersHost>(0);
            b.AddAttribute(1, nameof(TimelineFiltersHost.Url), TimelineUrl.Parse(null, null, null, "2026-02-10", null, null));
            b.AddAttribute(2, nameof(TimelineFiltersHost.Changes), new List<TimelineUrl>());
            b.CloseComponent();
        });
        var to = host.Find("input[data-testid=filter-to]");

        Assert.Equal(date, to.GetAttribute("value"));
        to.Click();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll(".mud-picker-calendar-header-day")));
        var weekdays = host.Find(".mud-picker-calendar-header-day").Children.Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal(7, weekdays.Count);
        Assert.Equal(CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(firstDay), weekdays[0], ignoreCase: true);
    }

    private static string PlainSpaces(string text) => Regex.Replace(text, @"\s", " ");

    private string Value(FieldDataType type, string stored) =>
        Render<FieldValueView>(p => p.Add(c => c.Field, new TimelineField("x", "X", type, false, stored)).Add(c => c.Zone, TimeZoneInfo.Utc))
            .Find("span").TextContent;
}
