using Microsoft.Playwright;

namespace CustomActivities.Benchmarks;

/// <summary>Debian's Chromium driven by Playwright, and the steps every browser command shares.</summary>
public static class Chromium
{
    public const string InteractiveScript = "() => window.customActivities && window.customActivities.interactive === true";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });

    /// <summary>Signs in on the (statically rendered) sign-in page and waits until it has been left.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.PressAsync("input[name='Input.Password']", "Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>MainLayout sets <c>window.customActivities.interactive</c> after its first interactive render.</summary>
    public static Task WaitForInteractivityAsync(IPage page, float timeout = 30_000) =>
        page.WaitForFunctionAsync(InteractiveScript, null, new() { PollingInterval = 10, Timeout = timeout });
}
