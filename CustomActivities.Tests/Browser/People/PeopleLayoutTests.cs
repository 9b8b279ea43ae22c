using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.People;

[Collection(BrowserCollection.Name)]
public sealed class PeopleLayoutTests(BrowserFixture browser)
{
    public static TheoryData<string, int, int> Screens => new()
    {
        { "en", 1366, 860 }, { "fr", 1366, 860 }, { "en", 390, 844 }, { "fr", 390, 844 }, { "de", 390, 844 },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_people_list_and_a_person_page_fit_the_screen_without_sideways_scrolling(string language, int width, int height)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var data = FixtureData.Open(browser.DatabasePath);
        // Long unbroken values are what used to push pages wider than the screen.
        var person = await data.AddPersonAsync(A.Person.WithEmail($"a.very.long.unbroken.address.{tag}.for.layout.checks@an-equally-long-company-domain.example.com")
            .Named("Maximiliana-Konstantinopolitanische", "Überlangenachnamenträgerin").AtCompany("Internationale Gesellschaft für Überlange Firmennamen").Build());
        var type = await data.AddTypeAsync(A.ActivityType.Named($"layout{tag}", "Cheque deposited at the main branch")
            .WithPrimary("number", FieldDataType.String, "Cheque number")
            .WithField("amount", FieldDataType.Currency, "Amount")
            .WithField("note", FieldDataType.Text, "Note")
            .Build());
        var day = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        await data.WriteAsync([.. Enumerable.Range(0, 20).Select(i => An.Activity(person.Id, type.Id).At(day.AddDays(i))
            .Primary($"CHQ-{i}-{new string('x', 80)}").With("amount", 1000.5m + i).With("note", "First line\nSecond line").Build())]);
        var page = await browser.SignedInPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = browser.BaseAddress.ToString(),
        }]);

        await page.GotoAsync($"people?q=a.very.long.unbroken.address.{tag}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await BrowserFixture.WaitForInteractivityAsync(page);
        await Assertions.Expect(page.ByTestId("person-link")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, $"people-list-{language}-{width}");
        await AssertNoSidewaysScrollingAsync(page);

        await page.GotoAsync($"people/{person.Id}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await BrowserFixture.WaitForInteractivityAsync(page);
        await Assertions.Expect(page.ByTestId("timeline-entry")).ToHaveCountAsync(20);
        await Assertions.Expect(page.ByTestId("histogram-bar")).Not.ToHaveCountAsync(0);
        await page.ByTestId("entry-toggle").First.ClickAsync();
        await Assertions.Expect(page.ByTestId("entry-fields")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"person-page-{language}-{width}");
        await AssertNoSidewaysScrollingAsync(page);
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var (content, viewport) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(content <= viewport, $"The page is {content}px wide on a {viewport}px screen.");
    }
}
