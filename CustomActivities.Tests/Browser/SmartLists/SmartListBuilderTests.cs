using System.Text.RegularExpressions;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.SmartLists;

[Collection(BrowserCollection.Name)]
public sealed partial class SmartListBuilderTests(BrowserFixture browser)
{
    [Fact]
    public async Task Build_a_two_filter_list_see_the_count_ask_why_save_reopen_and_export()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var data = FixtureData.Open(browser.DatabasePath);
        var ann = await data.AddPersonAsync(A.Person.WithEmail($"ann.{tag}@example.com").AtCompany($"Acme{tag}").Build());
        var bob = await data.AddPersonAsync(A.Person.WithEmail($"bob.{tag}@example.com").AtCompany($"Acme{tag}").Build());
        var cat = await data.AddPersonAsync(A.Person.WithEmail($"cat.{tag}@example.com").AtCompany($"Globex{tag}").Build());
        var webinar = await data.AddTypeAsync(A.ActivityType.Named($"webinar{tag}", $"Webinar {tag}").Build());
        var at = new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
        await data.WriteAsync(
        [
            An.Activity(ann.Id, webinar.Id).At(at).Primary($"Rust {tag}").Build(),
            An.Activity(bob.Id, webinar.Id).At(at).Primary("Cooking").Build(),
            An.Activity(cat.Id, webinar.Id).At(at).Primary($"Rust {tag}").Build(),
        ]);
        var page = await browser.SignedInPageAsync();
        await page.GotoAsync("smart-lists/new", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await BrowserFixture.WaitForInteractivityAsync(page);

        // Filter 1: attended the webinar named "Rust <tag>".
        await page.ByTestId("picker-search").FillAsync(tag);
        await page.Locator($"[data-testid='picker-choice'][data-name='Did Webinar {tag}']").ClickAsync();
        var first = page.ByTestId("filter-card").Nth(0);
        await first.Locator("[data-testid='add-constraint'] button").First.ClickAsync();
        await page.ByTestId("add-constraint-field").Filter(new() { HasText = "Webinar name" }).ClickAsync();
        await first.Locator("[data-testid='constraint-text']").FillAsync($"Rust {tag}");
        await Assertions.Expect(page.ByTestId("live-count-value")).ToHaveAttributeAsync("data-count", "2");

        // Filter 2: works at Acme<tag>.
        await page.ByTestId("picker-search").FillAsync("Company");
        await page.Locator("[data-testid='picker-choice'][data-name='Company']").ClickAsync();
        await page.ByTestId("filter-card").Nth(1).Locator("[data-testid='constraint-text']").FillAsync($"Acme{tag}");
        await Assertions.Expect(page.ByTestId("live-count-value")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(page.ByTestId("member-link")).ToHaveTextAsync([ann.Email]);

        // Why is Ann here: the webinar she attended, and both filters hold.
        await page.ByTestId("why").First.ClickAsync();
        var why = page.ByTestId("why-dialog");
        await Assertions.Expect(why.Locator("[data-testid='why-filter']")).ToHaveCountAsync(2);
        await Assertions.Expect(why.Locator("[data-testid='why-activity']")).ToContainTextAsync($"Rust {tag}");
        await BrowserFixture.ScreenshotAsync(page, "smart-list-why");
        await page.ByTestId("why-close").ClickAsync();

        // Save, then reopen: the rules come back and the list re-evaluates.
        await page.ByTestId("smart-list-name").FillAsync($"Rust fans {tag}");
        await page.ByTestId("smart-list-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SavedUrl());
        var url = page.Url;
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await BrowserFixture.WaitForInteractivityAsync(page);
        await Assertions.Expect(page.ByTestId("filter-card")).ToHaveCountAsync(2);
        await Assertions.Expect(page.ByTestId("live-count-value")).ToHaveAttributeAsync("data-count", "1");
        await BrowserFixture.ScreenshotAsync(page, "smart-list-builder");

        // Export: the CSV holds the one member.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ByTestId("smart-list-export").ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("id,email,firstName,lastName,company,createdAtUtc,lastActivityAtUtc", csv[0]);
        Assert.StartsWith($"{ann.Id},{ann.Email},", Assert.Single(csv.Skip(1)));

        // Save the members as a static list: a snapshot that opens on the Lists page with Ann in it.
        await page.ByTestId("smart-list-snapshot").ClickAsync();
        await page.ByTestId("snapshot-name").FillAsync($"Rust fans {tag} today");
        await BrowserFixture.ScreenshotAsync(page, "smart-list-snapshot");
        await page.ByTestId("snapshot-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Static list “Rust fans {tag} today” saved. Members: 1.");
        await page.Locator(".mud-snackbar").GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/lists/\d+$"));
        await Assertions.Expect(page.ByTestId("members-grid").Locator("[data-testid='member-link']")).ToHaveTextAsync([ann.Email]);
    }

    [GeneratedRegex(@"/smart-lists/\d+$")]
    private static partial Regex SavedUrl();
}
