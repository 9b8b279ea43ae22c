using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.Lists;

[Collection(BrowserCollection.Name)]
public sealed class StaticListJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_list_is_created_a_person_added_from_their_page_seen_in_the_members_grid_and_removed()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var data = FixtureData.Open(browser.DatabasePath);
        var person = await data.AddPersonAsync(A.Person.WithEmail($"journey.{tag}@example.com").Named("Ada", "Lovelace").Build());
        var page = await browser.SignedInPageAsync();
        var listName = $"Webinar {tag}";

        await page.OpenAsync("lists");
        await page.ByTestId("new-list").ClickAsync();
        await page.ByTestId("list-name").FillAsync(listName);
        await page.ByTestId("list-name-save").ClickAsync();
        await Assertions.Expect(page.ByTestId("list-link").Filter(new() { HasText = listName })).ToHaveCountAsync(1);

        await page.OpenAsync($"people/{person.Id}");
        await page.ByTestId("person-list-pick").Locator(".mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = listName }).ClickAsync();
        await page.ByTestId("person-list-add").ClickAsync();
        await Assertions.Expect(page.ByTestId("person-list-chip")).ToContainTextAsync(listName);
        // The Add to List activity shows in the timeline at once.
        await Assertions.Expect(page.ByTestId("timeline")).ToContainTextAsync("Add to List");
        await BrowserFixture.ScreenshotAsync(page, "person-lists");

        await page.OpenAsync("lists");
        await page.ByTestId("list-link").Filter(new() { HasText = listName }).ClickAsync();
        await BrowserFixture.WaitForInteractivityAsync(page);
        await Assertions.Expect(page.ByTestId("member-link")).ToHaveTextAsync([person.Email]);
        await BrowserFixture.ScreenshotAsync(page, "list-members");
        await page.ByTestId("member-remove").ClickAsync();
        await Assertions.Expect(page.ByTestId("members-empty")).ToBeVisibleAsync();
    }
}
