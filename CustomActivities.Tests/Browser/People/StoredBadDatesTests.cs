using System.Text.RegularExpressions;
using CustomActivities.Core.Activities;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.People;

/// <summary>A person page over dates no rule would accept today, written straight into the file: it renders and keeps working.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StoredBadDatesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_page_with_activities_dated_0001_and_9999_renders_flags_them_and_stays_interactive()
    {
        await using var data = FixtureData.Open(browser.DatabasePath);
        var type = await data.AddTypeAsync(A.ActivityType.Named($"badDates{Guid.NewGuid():N}"[..20], "Bad dates").Build());
        var person = await data.AddPersonAsync(A.Person.Build());
        await RawActivityRows.InsertAsync(browser.DatabasePath, person.Id, type.Id, RawActivityRows.EndOfTime, "from the end of time");
        await RawActivityRows.InsertAsync(browser.DatabasePath, person.Id, type.Id, RawActivityRows.StartOfTime, "from the start of time");
        await RawActivityRows.InsertAsync(browser.DatabasePath, person.Id, type.Id, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero).UtcTicks, "an ordinary day");
        var page = await browser.SignedInPageAsync();

        // Europe/Paris (the fixture's zone) is ahead of UTC: 9999-12-31T23:59:59Z cannot be moved into it.
        await page.OpenAsync($"people/{person.Id}");

        await Assertions.Expect(page.ByTestId("timeline-entry")).ToHaveCountAsync(3);
        await Assertions.Expect(page.ByTestId("entry-bad-date")).ToHaveCountAsync(2);
        await Assertions.Expect(page.ByTestId("entry-bad-date").First).ToContainTextAsync("9999-12-31T23:59:59Z");
        await Assertions.Expect(page.ByTestId("histogram-bar")).ToHaveCountAsync(1);
        await Assertions.Expect(page.ByTestId("histogram-outside-range")).ToContainTextAsync("2 activities dated outside 1970–2099");
        await BrowserFixture.ScreenshotAsync(page, "person-stored-bad-dates");

        // Still interactive: an entry opens, and the histogram's bar jumps to its day.
        await page.ByTestId("entry-toggle").First.ClickAsync();
        await Assertions.Expect(page.ByTestId("entry-fields")).ToBeVisibleAsync();
        await page.ByTestId("histogram-bar").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("at=2026-11-02"));
        await Assertions.Expect(page.ByTestId("timeline-entry").Filter(new() { HasText = "an ordinary day" })).ToBeVisibleAsync();
        Assert.False(ActivityDates.IsShowable(RawActivityRows.EndOfTime));
    }
}
