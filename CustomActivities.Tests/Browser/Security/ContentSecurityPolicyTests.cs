using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.Security;

/// <summary>The pages work in Chromium under the app's Content-Security-Policy, and nothing is refused by it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    /// <summary>Records every CSP violation the page reports (event and console), from before its first script runs.</summary>
    private static async Task<List<string>> WatchViolationsAsync(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.ExposeFunctionAsync("reportCspViolation", (string text) => violations.Add(text));
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI))");
        return violations;
    }

    [Fact]
    public async Task The_dashboard_the_wizard_and_a_person_page_are_interactive_under_the_policy()
    {
        await using var data = FixtureData.Open(browser.DatabasePath);
        await data.AddTypeAsync(A.ActivityType.Named($"cspType{Guid.NewGuid():N}"[..20], "CSP type").WithField("minutes", FieldDataType.Integer).Build());
        var person = await data.AddPersonAsync(A.Person.Build());
        var page = await browser.SignedInPageAsync();
        var violations = await WatchViolationsAsync(page);

        var response = await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractivityAsync(page);
        Assert.Contains("nonce-", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.False(response.Headers.ContainsKey("server"), "no Server header from Kestrel");
        await page.ByTestId("user-menu").Locator("button").First.ClickAsync();
        await Assertions.Expect(page.ByTestId("sign-out")).ToBeVisibleAsync();

        await page.OpenAsync("activity-types/new");
        var name = page.Locator("input").First;
        await Assertions.Expect(name).ToBeEnabledAsync();
        await name.FillAsync("Typed under the policy");
        await Assertions.Expect(name).ToHaveValueAsync("Typed under the policy");

        await page.OpenAsync($"people/{person.Id}");
        await Assertions.Expect(page.ByTestId("user-menu")).ToBeVisibleAsync();
        await page.ByTestId("user-menu").Locator("button").First.ClickAsync();
        await Assertions.Expect(page.ByTestId("sign-out")).ToBeVisibleAsync();

        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_api_reference_renders_under_its_policy()
    {
        var page = await browser.NewPageAsync();
        var violations = await WatchViolationsAsync(page);

        await page.GotoAsync("api-docs/", new() { WaitUntil = WaitUntilState.Commit });
        var errorTable = page.Locator(".introduction-description table");
        await Assertions.Expect(errorTable.Locator("tbody tr")).ToHaveCountAsync(Web.Api.ApiErrors.All.Count, new() { Timeout = 60_000 });
        await page.Locator("a[href='#tag/activities']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add custom activities" })).ToBeVisibleAsync();

        // Scalar's bundle probes whether eval works and carries on without it (the reference above rendered and navigated):
        // the policy keeps refusing it rather than allowing 'unsafe-eval'. Anything else refused would be a real breakage.
        Assert.All(violations, v => Assert.Equal("script-src eval", v));
    }
}
