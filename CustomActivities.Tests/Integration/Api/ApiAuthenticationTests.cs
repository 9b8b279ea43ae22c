using System.Net;
using System.Text.Json;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Auditing;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CustomActivities.Tests.Support.ApiHarness;

namespace CustomActivities.Tests.Integration.Api;

public sealed class ApiAuthenticationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Types = "/rest/v1/activities/types.json";
    private ApiHarness Api => fixture.Api;

    [Fact]
    public async Task A_token_is_issued_by_GET_and_POST_and_asking_again_returns_the_same_token()
    {
        var client = await Api.CreateApiClientAsync();
        using var http = fixture.Factory.CreateClient();

        var first = await ReadTokenAsync(await http.GetAsync($"/identity/oauth/token?grant_type=client_credentials&client_id={client.ClientId}&client_secret={client.Secret}", TestContext.Current.CancellationToken));
        var second = await ReadTokenAsync(await http.PostAsync("/identity/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret,
        }), TestContext.Current.CancellationToken));

        Assert.Equal("bearer", first.GetProperty("token_type").GetString());
        Assert.Equal(3600, first.GetProperty("expires_in").GetInt32());
        Assert.Equal(first.GetProperty("access_token").GetString(), second.GetProperty("access_token").GetString());
        Assert.InRange(second.GetProperty("expires_in").GetInt32(), 3500, 3600);
        using var api = Api.WithToken(first.GetProperty("access_token").GetString()!);
        Assert.True((await GetAsync(api, Types)).Success);
    }

    [Fact]
    public async Task Bad_credentials_get_401_invalid_client()
    {
        var client = await Api.CreateApiClientAsync();
        using var http = fixture.Factory.CreateClient();

        var response = await http.GetAsync($"/identity/oauth/token?grant_type=client_credentials&client_id={client.ClientId}&client_secret=wrong", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forged-token-abcdefghijklmnopqrstuvwxyz")]
    public async Task A_missing_or_forged_token_gets_601(string? token)
    {
        using var http = token is null ? fixture.Factory.CreateClient() : Api.WithToken(token);

        var answer = await GetAsync(http, Types);

        Assert.Equal(200, answer.Status);
        Assert.Equal("601", answer.ErrorCode);
    }

    [Fact]
    public async Task Revoking_or_rotating_a_client_invalidates_its_tokens_and_the_audit_log_names_the_admin()
    {
        var revoked = await Api.CreateApiClientAsync(name: "to-revoke");
        var rotated = await Api.CreateApiClientAsync(name: "to-rotate");
        using var revokedHttp = Api.WithToken(await Api.TokenAsync(revoked));
        using var rotatedHttp = Api.WithToken(await Api.TokenAsync(rotated));
        Assert.True((await GetAsync(revokedHttp, Types)).Success);

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var clients = scope.ServiceProvider.GetRequiredService<ApiClientService>();
            await clients.RevokeAsync(revoked.Id, TestContext.Current.CancellationToken);
            var fresh = (await clients.RotateSecretAsync(rotated.Id, TestContext.Current.CancellationToken)).Value!;
            Assert.NotEqual(rotated.Secret, fresh.Secret);
            using var freshHttp = Api.WithToken(await Api.TokenAsync(fresh with { }));
            Assert.True((await GetAsync(freshHttp, Types)).Success);
        }

        Assert.Equal("601", (await GetAsync(revokedHttp, Types)).ErrorCode);
        Assert.Equal("601", (await GetAsync(rotatedHttp, Types)).ErrorCode);
        await using var context = Api.NewContext();
        Assert.Contains(await context.AuditEntries.Select(e => e.Action).ToListAsync(TestContext.Current.CancellationToken), a => a == "api-client.revoked");
    }

    [Fact]
    public async Task A_lead_written_through_the_API_is_audited_under_the_client_name()
    {
        var client = await Api.CreateApiClientAsync(name: "crm-sync");
        using var http = Api.WithToken(await Api.TokenAsync(client));

        var answer = await PostAsync(http, "/rest/v1/leads.json", """{"input":[{"email":"audited@example.com","firstName":"Au"}]}""");

        Assert.Equal(["created"], answer.RecordOutcomes);
        await using var context = Api.NewContext();
        var entry = await context.AuditEntries.SingleAsync(e => e.EntityName == "audited@example.com", TestContext.Current.CancellationToken);
        Assert.Equal(new Actor(ActorKind.ApiClient, client.Id.ToString(), "crm-sync").Label, entry.Actor);
    }

    [Fact]
    public async Task An_unknown_rest_path_gets_610()
    {
        using var http = await Api.ClientAsync();

        var answer = await GetAsync(http, "/rest/v1/nothing/here.json");

        Assert.Equal(200, answer.Status);
        Assert.Equal("610", answer.ErrorCode);
    }

    private static async Task<JsonElement> ReadTokenAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}

/// <summary>Each limit on its own app with lowered settings.</summary>
public sealed class ApiLimitTests
{
    private const string Types = "/rest/v1/activities/types.json";

    [Fact]
    public async Task More_calls_than_the_rate_limit_get_606()
    {
        await using var factory = new AppFactory().WithSetting("Api:RateLimitCalls", "3");
        var api = new ApiHarness(factory);
        using var http = await api.ClientAsync();

        var codes = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add((await GetAsync(http, Types)).ErrorCode);
        }

        Assert.Equal([null, null, null, "606", "606"], codes);
    }

    [Fact]
    public async Task Calls_beyond_the_daily_quota_get_607_and_are_counted_per_day()
    {
        await using var factory = new AppFactory().WithSetting("Api:DailyQuota", "2");
        var api = new ApiHarness(factory);
        var client = await api.CreateApiClientAsync(name: "quota");
        using var http = api.WithToken(await api.TokenAsync(client));

        var codes = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await GetAsync(http, Types)).ErrorCode);
        }

        Assert.Equal([null, null, "607"], codes);
        await using var scope = factory.Services.CreateAsyncScope();
        var listed = await scope.ServiceProvider.GetRequiredService<ApiClientService>().ListAsync(cancellationToken: TestContext.Current.CancellationToken);
        var summary = listed.Single(c => c.Name == "quota");
        Assert.Equal(2, summary.CallsToday);
        Assert.NotNull(summary.LastUsedAt);
    }

    [Fact]
    public async Task Calls_beyond_the_concurrency_limit_get_615()
    {
        await using var factory = new AppFactory().WithSetting("Api:MaxConcurrentCalls", "0");
        var api = new ApiHarness(factory);
        using var http = await api.ClientAsync();

        Assert.Equal("615", (await GetAsync(http, Types)).ErrorCode);
    }

    [Fact]
    public async Task An_expired_token_gets_602()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new AppFactory().WithClock(clock);
        var api = new ApiHarness(factory);
        using var http = await api.ClientAsync();
        Assert.True((await GetAsync(http, Types)).Success);

        clock.Advance(TimeSpan.FromSeconds(3599));
        Assert.True((await GetAsync(http, Types)).Success);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("602", (await GetAsync(http, Types)).ErrorCode);
    }
}
