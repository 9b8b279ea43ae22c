using CustomActivities.Core.Persistence;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Support;

/// <summary>
/// One real app process and one headless Debian Chromium, shared by the browser tests of a collection.
/// Each test opens its own <see cref="IBrowserContext"/> (own cookies), so tests do not see each other's sessions.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDatabase database = new(DatabaseProvider.Sqlite);
    private IPlaywright? playwright;

    public AppProcess App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public Uri BaseAddress => App.BaseAddress;

    /// <summary>The app's SQLite file, for tests that seed data through Core services (<see cref="FixtureData"/>).</summary>
    public string DatabasePath => database.Path;

    private const float BrowserTimeoutMs = 30_000;

    public async ValueTask InitializeAsync()
    {
        // CI runs on two shared cores beside the other tests (the crash loop starts four servers, the fuzz hashes
        // secrets): a sign-up hashes a password for half a second of CPU and a Blazor round trip can wait seconds for a
        // core. Assertions and actions get 30 s instead of Playwright's 5 s; a change that never arrives still fails.
        Assertions.SetDefaultExpectTimeout(BrowserTimeoutMs);
        // Sessions are checked on every request, so a lock shows at the locked user's very next page.
        App = await AppProcess.StartAsync(database.Path, new Dictionary<string, string> { ["Security:SessionCheckSeconds"] = "0" });
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
            Locale = "en-US",
            TimezoneId = "Europe/Paris",
        });
        context.SetDefaultTimeout(BrowserTimeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login form and waits for the interactive dashboard.</summary>
    public async Task<IPage> SignedInPageAsync(string email = AppFactory.AdminEmail, string password = AppFactory.AdminPassword)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email, password);
        // Each sign-in pays 600,000 PBKDF2 iterations on purpose; with several browser journeys signing in at once on two
        // loaded cores, leaving the sign-in page took over 15 s once in CI.
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 45_000 });
        await WaitForInteractivityAsync(page);
        return page;
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("[data-testid=sign-in]");
    }

    /// <summary>Blazor Server attaches its circuit after the first paint; clicks before that are lost.</summary>
    public static Task WaitForInteractivityAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-testid=sidebar]') && window.customActivities && window.customActivities.interactive === true");

    /// <summary>Screenshots go to TestResults/screenshots at the repository root, for a person to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(AppProcess.RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (App is not null)
        {
            // The app's log sits beside the screenshots: a failed browser test is read against what the server said.
            var folder = Path.Combine(AppProcess.RepositoryRoot(), "TestResults");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "browser-app.log"), App.Output);
            await App.DisposeAsync();
        }
        database.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
