using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Unit.ApiClients;

/// <summary>
/// A garbage token is looked up once, then answered from memory for a while (issue 11, defect 8). Shown by giving the
/// token a row after its first check: within the memory window the answer does not change, so no lookup happened.
/// </summary>
public sealed class UnknownTokenMemoryTests
{
    [Fact]
    public async Task An_unknown_token_is_answered_from_memory_until_the_window_ends()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var tokens = host.Get<ApiTokenService>();
        var client = (await host.Get<ApiClientService>().CreateAsync("t", ApiPermission.Full, TestContext.Current.CancellationToken)).Value!.Id;
        var garbage = ApiSecrets.NewSecret();

        var first = await tokens.CheckAsync(garbage, TestContext.Current.CancellationToken);
        await using (var context = host.NewContext())
        {
            context.Add(new ApiAccessToken
            {
                ApiClientId = client, TokenHash = ApiSecrets.Hash(garbage), ProtectedToken = "not-needed-to-check",
                IssuedAt = host.Clock.GetUtcNow(), ExpiresAt = host.Clock.GetUtcNow().AddHours(1),
            });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var again = await tokens.CheckAsync(garbage, TestContext.Current.CancellationToken);
        host.Clock.Advance(ApiTokenService.UnknownTokenMemory + TimeSpan.FromSeconds(1));
        var afterWindow = await tokens.CheckAsync(garbage, TestContext.Current.CancellationToken);

        Assert.Equal(TokenCheck.Invalid, first.Check);
        Assert.Equal(TokenCheck.Invalid, again.Check);
        Assert.Equal(TokenCheck.Valid, afterWindow.Check);
    }
}
