using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomActivities.Core.Persistence;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Playwright;

namespace CustomActivities.Tests.Browser.Nodes;

/// <summary>
/// Two app processes (two web nodes) on one PostgreSQL database, as behind a load balancer: what one node signs, stores
/// or counts, the other honours.
/// </summary>
[Trait("Database", "Postgres")]
[Collection(BrowserCollection.Name)]
public sealed class TwoNodeTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int RateLimitCalls = 6;
    private readonly TempDatabase database = new(DatabaseProvider.Postgres);
    private AppProcess nodeA = null!;
    private AppProcess nodeB = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Security:SessionCheckSeconds"] = "0",
            ["Api:RateLimitCalls"] = RateLimitCalls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api:RateLimitWindowSeconds"] = "600",
        };
        // One after the other: the first applies the migrations and creates the admin, the second finds them.
        nodeA = await AppProcess.StartAsync(database.Target, new Dictionary<string, string>(settings) { ["Node:Name"] = "node-a" });
        nodeB = await AppProcess.StartAsync(database.Target, new Dictionary<string, string>(settings) { ["Node:Name"] = "node-b" });
    }

    [Fact]
    public async Task A_cookie_from_one_node_signs_in_on_the_other_an_activity_posted_to_one_appears_live_on_the_other_and_the_rate_limit_counts_both()
    {
        await using var data = FixtureData.Open(database.Target);
        var person = await data.AddPersonAsync(A.Person.WithEmail("two-nodes@example.com").Named("Tess", "Twonode").Build());
        var webinar = await data.AddTypeAsync(A.ActivityType.Named("nodeWebinar", "Node webinar").Build());
        var client = await data.AddApiClientAsync("two-nodes");

        // Signed in on node A; the same browser (same cookies: they belong to the host, not the port) opens node B.
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(nodeA.BaseAddress, "Account/Login").ToString());
        await page.FillAsync("#Input\\.Email", AppFactory.AdminEmail);
        await page.FillAsync("#Input\\.Password", AppFactory.AdminPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 45_000 });
        await page.GotoAsync(new Uri(nodeB.BaseAddress, $"people/{person.Id}").ToString());
        await BrowserFixture.WaitForInteractivityAsync(page);
        Assert.StartsWith(nodeB.BaseAddress.ToString(), page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.ByTestId("person-name")).ToHaveTextAsync("Tess Twonode");
        await Assertions.Expect(page.ByTestId("new-activities")).ToHaveCountAsync(0);

        // An integration posts to node A; the timeline open on node B hears it.
        using var httpA = new HttpClient { BaseAddress = nodeA.BaseAddress };
        using var httpB = new HttpClient { BaseAddress = nodeB.BaseAddress };
        var token = await TokenAsync(httpA, client);
        httpA.DefaultRequestHeaders.Authorization = new("Bearer", token);
        httpB.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var posted = await httpA.PostAsJsonAsync("rest/v1/activities/external.json", new
        {
            input = new[] { new { leadId = person.Id, activityTypeId = webinar.Id, activityDate = DateTimeOffset.UtcNow, primaryAttributeValue = "Posted to node A" } },
        }, TestContext.Current.CancellationToken);
        var answer = await posted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("added", answer.GetProperty("result")[0].GetProperty("status").GetString());
        await Assertions.Expect(page.ByTestId("new-activities")).ToContainTextAsync("1 new activity");
        await BrowserFixture.ScreenshotAsync(page, "two-nodes-live-timeline-on-node-b");
        await page.ByTestId("new-activities").ClickAsync();
        await Assertions.Expect(page.ByTestId("entry-primary").First).ToHaveTextAsync("Posted to node A");

        // The rate limit counts the REST calls made to both nodes: the post above, then calls alternating between them.
        var codes = new List<string>();
        for (var call = 0; call < RateLimitCalls; call++)
        {
            var http = call % 2 == 0 ? httpB : httpA;
            var response = await http.GetAsync($"rest/v1/lead/{person.Id}.json", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            codes.Add(body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0 ? errors[0].GetProperty("code").GetString()! : "ok");
        }
        // The post used one call of the window, so the sixth call across both nodes is the first refused one.
        Assert.Equal(["ok", "ok", "ok", "ok", "ok", "606"], codes);
    }

    private static async Task<string> TokenAsync(HttpClient http, Core.ApiClients.ApiClientSecret client)
    {
        var response = await http.GetFromJsonAsync<JsonElement>(
            $"identity/oauth/token?grant_type=client_credentials&client_id={client.ClientId}&client_secret={Uri.EscapeDataString(client.Secret)}");
        return response.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await nodeB.DisposeAsync();
        await nodeA.DisposeAsync();
        database.Dispose();
    }
}
