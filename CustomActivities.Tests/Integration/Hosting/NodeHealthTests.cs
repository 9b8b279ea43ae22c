using System.Net;
using System.Text.Json;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Integration.Hosting;

/// <summary>/health tells a load balancer and a person which node answered and how its checks went.</summary>
public sealed class NodeHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_names_the_node_and_reports_the_database_check_without_signing_in()
    {
        using var factory = new AppFactory().WithSetting("Node:Name", "web-2");
        using var client = factory.CreateNoRedirectClient();

        var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("web-2", health.RootElement.GetProperty("node").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Without_a_node_name_the_machine_name_is_shown()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateNoRedirectClient();

        using var health = JsonDocument.Parse(await client.GetStringAsync("/health", Ct));

        Assert.Equal(Environment.MachineName, health.RootElement.GetProperty("node").GetString());
    }
}
