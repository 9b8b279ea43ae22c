using System.Globalization;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using CustomActivities.Web;
using CustomActivities.Web.Components.Pages.ActivityTypes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.Foundation;

/// <summary>
/// German, the longest of the six languages: chosen in the picker, saved on the account (a fresh browser gets it at
/// sign-in), and offered on the sign-in page to a German browser. Texts are compared with the German resources.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_user_switches_to_german_walks_the_main_pages_and_finds_german_again_in_a_fresh_browser()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"sprache-{tag}@test.local";
        var admin = await browser.SignedInPageAsync();
        await admin.CreateUserAsync(email);
        await admin.Context.CloseAsync();
        await using (var data = FixtureData.Open(browser.DatabasePath))
        {
            var person = A.Person.WithEmail($"datum-{tag}@example.com").Build();
            await data.AddPersonAsync(person);
        }

        var page = await browser.SignedInPageAsync(email, AppFactory.DefaultPassword);
        await page.ByTestId("language-button").ClickAsync();
        await Assertions.Expect(page.ByTestId("language-de")).ToHaveTextAsync("Deutsch");
        await page.ByTestId("language-de").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await BrowserFixture.WaitForInteractivityAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(German<SharedResource>("Nav.Dashboard"));
        await Assertions.Expect(page.ByTestId("language-button")).ToHaveTextAsync("DE");
        await BrowserFixture.ScreenshotAsync(page, "language-dashboard-de");

        await page.OpenAsync($"people?q=datum-{tag}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(German<SharedResource>("Nav.People"));
        await Assertions.Expect(page.ByTestId("person-link")).ToHaveCountAsync(1);
        // German short dates (dd.MM.yyyy); the day itself depends on the browser's zone and the hour the test runs.
        await Assertions.Expect(page.ByTestId("people-grid")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\b\d{2}\.\d{2}\.\d{4}\b"));
        // MudBlazor's own pager buttons, through the app's MudLocalizer.
        await Assertions.Expect(page.Locator("button[aria-label='Nächste Seite']")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "language-people-de");

        await page.OpenAsync("activity-types");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(German<ActivityTypesText>("List.Title"));
        await page.SignOutAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await Assertions.Expect(page.ByTestId("sign-in")).ToHaveTextAsync(German<SharedResource>("Login.Submit"));

        // A fresh browser that asks for English: the language saved on the account wins once signed in.
        var elsewhere = await browser.SignedInPageAsync(email, AppFactory.DefaultPassword);
        await Assertions.Expect(elsewhere.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(elsewhere.Locator("h1")).ToHaveTextAsync(German<SharedResource>("Nav.Dashboard"));
    }

    [Fact]
    public async Task A_german_browser_gets_the_sign_in_page_in_german()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            Locale = "de-DE",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "de-DE,de;q=0.9" },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("Account/Login");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(German<SharedResource>("Login.Title"));
        await Assertions.Expect(page.ByTestId("sign-in")).ToHaveTextAsync(German<SharedResource>("Login.Submit"));
        await BrowserFixture.ScreenshotAsync(page, "language-sign-in-de");
        await context.CloseAsync();
    }

    private static readonly IServiceProvider Resources =
        new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();

    /// <summary>The German text of a key, as the app's resources hold it.</summary>
    private static string German<TResource>(string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("de");
            return Resources.GetRequiredService<IStringLocalizer<TResource>>()[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
