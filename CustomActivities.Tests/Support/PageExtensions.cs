using Microsoft.Playwright;

namespace CustomActivities.Tests.Support;

public static class PageExtensions
{
    /// <summary>Navigates inside the app and waits until the new page's circuit is interactive.</summary>
    public static async Task OpenAsync(this IPage page, string relativeUrl)
    {
        await page.GotoAsync(relativeUrl);
        await BrowserFixture.WaitForInteractivityAsync(page);
    }

    public static ILocator ByTestId(this IPage page, string testId) => page.Locator($"[data-testid='{testId}']");
}
