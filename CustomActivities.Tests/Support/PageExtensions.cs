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

    /// <summary>Opens the account menu in the app bar and signs out.</summary>
    public static async Task SignOutAsync(this IPage page)
    {
        await page.ByTestId("user-menu").Locator("button").First.ClickAsync();
        await page.ByTestId("sign-out").ClickAsync();
    }

    public static ILocator ByTestId(this IPage page, string testId) => page.Locator($"[data-testid='{testId}']");

    /// <summary>The admin creates a user (a Marketer) on the Users page.</summary>
    public static async Task CreateUserAsync(this IPage admin, string email)
    {
        await admin.OpenAsync("users");
        var form = admin.ByTestId("create-user-form");
        await form.Locator("input[name=Email]").FillAsync(email);
        await form.Locator("input[name=Password]").FillAsync(AppFactory.DefaultPassword);
        await admin.ByTestId("create-user").ClickAsync();
        await Assertions.Expect(admin.ByTestId("users-grid")).ToContainTextAsync(email);
    }
}
