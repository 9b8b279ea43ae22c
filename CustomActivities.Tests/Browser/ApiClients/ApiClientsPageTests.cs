using System.Net;
using System.Text.Json;
using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.ApiClients;

[Collection(BrowserCollection.Name)]
public sealed class ApiClientsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_creates_a_client_sees_the_secret_once_gets_a_token_with_it_and_revokes_it()
    {
        var name = $"crm-{Guid.NewGuid():N}"[..12];
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("api-clients");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("API clients");
        await Assertions.Expect(page.ByTestId("api-docs-link")).ToHaveAttributeAsync("href", "/api-docs");

        await page.ByTestId("api-client-name").FillAsync(name);
        await page.ByTestId("create-api-client").ClickAsync();
        var clientId = await ValueAsync(page.ByTestId("new-client-id"));
        var secret = await ValueAsync(page.ByTestId("new-client-secret"));
        Assert.Matches("^[0-9a-f-]{36}$", clientId);
        Assert.True(secret.Length >= 40);
        await BrowserFixture.ScreenshotAsync(page, "api-clients-secret-once");

        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        var tokenResponse = await http.GetAsync($"identity/oauth/token?grant_type=client_credentials&client_id={clientId}&client_secret={Uri.EscapeDataString(secret)}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("access_token").GetString();

        // Escape does not throw the secret away: only "I have stored it" closes the dialog.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.ByTestId("new-client-secret")).ToBeVisibleAsync();
        await page.ByTestId("secret-stored").ClickAsync();
        await Assertions.Expect(page.ByTestId("new-client-secret")).ToHaveCountAsync(0);
        await Assertions.Expect(page.ByTestId($"status-{name}")).ToHaveTextAsync("Active");
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractivityAsync(page);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await page.ByTestId($"revoke-{name}").ClickAsync();
        var confirm = page.ByTestId("confirm-ok");
        await Assertions.Expect(confirm).ToHaveTextAsync("Revoke");
        await confirm.ClickAsync();
        await Assertions.Expect(page.ByTestId($"status-{name}")).ToHaveTextAsync("Revoked");
        await BrowserFixture.ScreenshotAsync(page, "api-clients-revoked");

        using var request = new HttpRequestMessage(HttpMethod.Get, "rest/v1/activities/types.json");
        request.Headers.Authorization = new("Bearer", token);
        var answer = JsonDocument.Parse(await (await http.SendAsync(request, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("601", answer.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    private static async Task<string> ValueAsync(ILocator locator)
    {
        await Assertions.Expect(locator).Not.ToHaveValueAsync("");
        return await locator.InputValueAsync();
    }
}
