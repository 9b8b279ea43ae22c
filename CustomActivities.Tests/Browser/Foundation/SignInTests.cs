using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.Foundation;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    private static readonly (string Label, string Path, string Heading)[] SidebarPages =
    [
        ("Activity types", "activity-types", "Activity types"),
        ("Approvals", "approvals", "Approvals"),
        ("People", "people", "People"),
        ("Smart lists", "smart-lists", "Smart lists"),
        ("API clients", "api-clients", "API clients"),
        ("Users", "users", "Users"),
        ("Audit log", "audit-log", "Audit log"),
        ("Dashboard", "", "Dashboard"),
    ];

    [Fact]
    public async Task Admin_signs_in_opens_every_sidebar_page_and_signs_out()
    {
        var page = await browser.SignedInPageAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(page.ByTestId("current-user")).ToHaveTextAsync(AppFactory.AdminEmail);
        await BrowserFixture.ScreenshotAsync(page, "foundation-dashboard");

        var sidebar = page.ByTestId("sidebar");
        foreach (var (label, path, heading) in SidebarPages)
        {
            await sidebar.GetByText(label, new() { Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Uri(browser.BaseAddress, path).ToString());
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await BrowserFixture.ScreenshotAsync(page, $"foundation-{(path == "" ? "home" : path)}");
        }

        await page.SignOutAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync("users");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_language_menu_switches_the_app_and_the_sign_in_page_to_french()
    {
        // The choice is saved on the account: the shared admin account must keep English for the other tests.
        var admin = await browser.SignedInPageAsync();
        var email = $"francophone-{Guid.NewGuid():N}@test.local";
        await admin.CreateUserAsync(email);
        await admin.Context.CloseAsync();
        var page = await browser.SignedInPageAsync(email, AppFactory.DefaultPassword);

        await page.ByTestId("language-button").ClickAsync();
        await page.ByTestId("language-fr").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tableau de bord");
        await page.OpenAsync("activity-types");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Types d'activité");
        await BrowserFixture.ScreenshotAsync(page, "foundation-activity-types-fr");

        await page.SignOutAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await Assertions.Expect(page.ByTestId("sign-in")).ToHaveTextAsync("Se connecter");
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error()
    {
        var page = await browser.NewPageAsync();

        await BrowserFixture.SignInAsync(page, AppFactory.AdminEmail, "wrong-password");

        await Assertions.Expect(page.ByTestId("status-message")).ToContainTextAsync("The email or password is wrong.");
        await BrowserFixture.ScreenshotAsync(page, "foundation-login-error");
    }

    [Fact]
    public async Task Empty_fields_get_messages_next_to_them()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("Account/Login");

        await page.ClickAsync("[data-testid=sign-in]");

        await Assertions.Expect(page.GetByText("Enter your email.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Enter your password.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_creates_a_marketer_who_cannot_reach_admin_pages_and_five_wrong_passwords_lock_an_account()
    {
        var admin = await browser.SignedInPageAsync();
        var marketerEmail = $"marketer-{Guid.NewGuid():N}@test.local";
        var victimEmail = $"victim-{Guid.NewGuid():N}@test.local";
        await admin.CreateUserAsync(marketerEmail);
        await admin.CreateUserAsync(victimEmail);
        await BrowserFixture.ScreenshotAsync(admin, "foundation-users");

        var marketer = await browser.SignedInPageAsync(marketerEmail, AppFactory.DefaultPassword);
        await Assertions.Expect(marketer.ByTestId("sidebar").GetByText("Users", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(marketer.ByTestId("sidebar").GetByText("Approvals", new() { Exact = true })).ToHaveCountAsync(0);
        await marketer.GotoAsync("users");
        await Assertions.Expect(marketer.ByTestId("access-denied")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(marketer, "foundation-access-denied");

        // Locking asks first, then ends the marketer's session: their next page load goes to sign-in.
        await admin.ByTestId($"lock-{marketerEmail}").ClickAsync();
        var confirm = admin.ByTestId("confirm-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync("They are signed out at once");
        await admin.ByTestId("confirm-ok").ClickAsync();
        await Assertions.Expect(admin.ByTestId($"status-{marketerEmail}")).ToHaveTextAsync("Locked");
        await marketer.GotoAsync("people");
        await marketer.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));

        var attacker = await browser.NewPageAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await BrowserFixture.SignInAsync(attacker, victimEmail, $"wrong-{attempt}");
            await attacker.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await Assertions.Expect(attacker.ByTestId("lockout-message")).ToContainTextAsync("too many failed sign-in attempts");

        // Even the right password is refused while the account is locked.
        await BrowserFixture.SignInAsync(attacker, victimEmail, AppFactory.DefaultPassword);
        await Assertions.Expect(attacker.ByTestId("lockout-message")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(attacker, "foundation-lockout");

        // The admin sees the lock and lifts it.
        await admin.OpenAsync("users");
        await Assertions.Expect(admin.ByTestId($"status-{victimEmail}")).ToHaveTextAsync("Locked");
        await admin.ByTestId($"lock-{victimEmail}").ClickAsync();
        await Assertions.Expect(admin.ByTestId($"status-{victimEmail}")).ToHaveTextAsync("Active");

        var victim = await browser.SignedInPageAsync(victimEmail, AppFactory.DefaultPassword);
        await Assertions.Expect(victim.Locator("h1")).ToHaveTextAsync("Dashboard");
    }
}
