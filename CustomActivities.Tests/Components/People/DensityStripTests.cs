using Bunit;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Web.Components.Pages.People;

namespace CustomActivities.Tests.Components.People;

public sealed class DensityStripTests : PeopleComponentContext
{
    private async Task<TimelineHistogram> HistogramAsync()
    {
        await using var data = Data();
        var person = await data.AddPersonAsync(A.Person.Build());
        var type = await data.AddTypeAsync(A.ActivityType.Named("visit", "Visit").WithPrimary("page", FieldDataType.String).Build());
        var day = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        // Three activities on Jan 1st, none on the 2nd, one on the 3rd.
        await data.WriteAsync([
            An.Activity(person.Id, type.Id).At(day).Build(), An.Activity(person.Id, type.Id).At(day.AddMinutes(1)).Build(),
            An.Activity(person.Id, type.Id).At(day.AddMinutes(2)).Build(), An.Activity(person.Id, type.Id).At(day.AddDays(2)).Build(),
        ]);
        return await Core.Get<TimelineService>().HistogramAsync(person.Id, TimeSpan.Zero, cancellationToken: Ct);
    }

    [Fact]
    public async Task A_bar_per_day_high_as_its_count_and_a_click_goes_to_that_day()
    {
        var histogram = await HistogramAsync();
        DateOnly? picked = null;

        var strip = Render<DensityStrip>(p => p.Add(c => c.Histogram, histogram).Add(c => c.Picked, (DateOnly day) => picked = day));

        var bars = strip.FindAll("[data-testid=histogram-bar]");
        Assert.Equal(["2026-01-01", "2026-01-02", "2026-01-03"], bars.Select(b => b.GetAttribute("data-start")));
        Assert.Equal(["height: 100%", "height: 0%", "height: 33.3%"], bars.Select(b => b.QuerySelector("span")!.GetAttribute("style")));
        Assert.True(bars[1].HasAttribute("disabled"));
        Assert.Contains("Activities: 4 (per day)", strip.Markup);

        strip.FindAll("[data-testid=histogram-bar]")[2].Click();

        Assert.Equal(new DateOnly(2026, 1, 3), picked);
    }

    [Fact]
    public async Task The_chosen_day_is_marked_and_the_totals_read_in_french()
    {
        UseCulture("fr");
        var histogram = await HistogramAsync();

        var strip = Render<DensityStrip>(p => p.Add(c => c.Histogram, histogram).Add(c => c.At, new DateOnly(2026, 1, 3)));

        Assert.Contains("selected", strip.FindAll("[data-testid=histogram-bar]")[2].ClassName);
        Assert.Contains("Activités : 4 (par jour)", strip.Markup);
        Assert.Contains("01/01/2026", strip.Markup);
    }

    [Fact]
    public void Without_activities_there_is_no_strip()
    {
        var strip = Render<DensityStrip>(p => p.Add(c => c.Histogram, new TimelineHistogram(HistogramGranularity.Day, [], 0)));

        Assert.Empty(strip.FindAll("[data-testid=histogram]"));
    }
}
