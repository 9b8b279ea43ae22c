using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.ApiClients;

/// <summary>The Scalar reference at /api-docs, rendered by Chromium from the app alone (no CDN, no Scalar servers).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_reference_shows_readable_error_codes_and_the_operations_loading_everything_from_the_app()
    {
        var page = await browser.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        // Scalar's script is 5 MB: on a loaded machine Chromium takes a while to load and parse it before anything renders,
        // so the wait is on what the page shows, not on its load event.
        await page.GotoAsync("api-docs", new() { WaitUntil = WaitUntilState.Commit });
        var errorTable = page.Locator(".introduction-description table");
        await Assertions.Expect(errorTable.Locator("tbody tr")).ToHaveCountAsync(Web.Api.ApiErrors.All.Count, new() { Timeout = 60_000 });
        await Assertions.Expect(errorTable.Locator("tbody td:first-child").First).ToHaveTextAsync("413");
        await BrowserFixture.ScreenshotAsync(page, "api-reference-introduction", fullPage: false);

        // Readable: every code and level fits on one line (in a narrow column they broke one letter per line).
        var linesPerCell = await errorTable.EvaluateAsync<int[]>("""
            table => [...table.querySelectorAll('tbody td:nth-child(-n+2)')].map(cell => {
                const range = document.createRange();
                range.selectNodeContents(cell);
                return range.getClientRects().length;
            })
            """);
        Assert.All(linesPerCell, lines => Assert.Equal(1, lines));

        await page.Locator("a[href='#tag/activities']").First.ClickAsync();
        var operation = page.GetByRole(AriaRole.Heading, new() { Name = "Add custom activities" });
        await Assertions.Expect(operation).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Permission:").First).ToBeVisibleAsync();
        await operation.Locator("xpath=ancestor::section[1]").ScreenshotAsync(new()
        {
            Path = Path.Combine(AppProcess.RepositoryRoot(), "TestResults", "screenshots", "api-reference-add-activities.png"),
        });

        var origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Contains(requested, url => url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        Assert.All(requested.Where(url => !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal)),
            url => Assert.StartsWith(origin + "/", url, StringComparison.Ordinal));
    }
}
