using System.Net;
using System.Text.Json;
using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomActivities.Tests.Integration.Api;

/// <summary>Failed client secrets are throttled per client id and per address (issue 11, defect 8).</summary>
public sealed class FailedSecretThrottleTests
{
    [Fact]
    public async Task After_too_many_wrong_secrets_the_client_id_gets_429_even_with_the_right_secret_until_the_window_ends()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        await using var factory = new AppFactory().WithSetting("Api:FailedSecretsPerClient", "3").WithClock(clock);
        var client = await new ApiHarness(factory).CreateApiClientAsync();
        using var http = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AskAsync(http, client.ClientId, "wrong-" + i)).StatusCode);
        }
        using var throttled = await AskAsync(http, client.ClientId, client.Secret);
        var throttledBody = await ReadAsync(throttled);
        clock.Advance(TimeSpan.FromSeconds(61));
        using var afterWindow = await AskAsync(http, client.ClientId, client.Secret);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("slow_down", throttledBody.GetProperty("error").GetString());
        Assert.Contains("Max rate limit exceeded", throttledBody.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(60), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, afterWindow.StatusCode);
    }

    [Fact]
    public async Task Wrong_secrets_for_many_client_ids_from_one_address_throttle_that_address()
    {
        await using var factory = new AppFactory().WithSetting("Api:FailedSecretsPerAddress", "3");
        var harness = new ApiHarness(factory);
        using var http = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var other = await harness.CreateApiClientAsync();
            Assert.Equal(HttpStatusCode.Unauthorized, (await AskAsync(http, other.ClientId, "wrong")).StatusCode);
        }
        var untouched = await harness.CreateApiClientAsync();
        using var throttled = await AskAsync(http, untouched.ClientId, untouched.Secret);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("slow_down", (await ReadAsync(throttled)).GetProperty("error").GetString());
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient http, string clientId, string secret) =>
        http.GetAsync($"/identity/oauth/token?grant_type=client_credentials&client_id={clientId}&client_secret={Uri.EscapeDataString(secret)}", TestContext.Current.CancellationToken);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
}
