using CustomActivities.Core.Activities;
using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Tests.Unit.Activities;

public sealed class IdempotentCallSweeperTests
{
    [Fact]
    public async Task Answers_older_than_the_retention_window_are_removed_and_recent_ones_kept()
    {
        await using var host = await new CoreTestHostBuilder().WithSetting("Idempotency:RetentionHours", "24").BuildAsync();
        var writer = host.Get<ActivityBulkWriter>();
        var clientId = await SeedClientAsync(host);
        await writer.WriteAsync([], new IdempotencyRecord(clientId, "expired", "hash", _ => "[]"), TestContext.Current.CancellationToken);
        host.Clock.Advance(TimeSpan.FromHours(2));
        await writer.WriteAsync([], new IdempotencyRecord(clientId, "kept", "hash", _ => "[]"), TestContext.Current.CancellationToken);
        host.Clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromSeconds(1));

        var removed = await host.Get<IdempotentCallSweeper>().RemoveExpiredAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, removed);
        await using var context = host.NewContext();
        Assert.Equal(["kept"], await context.Set<IdempotentCall>().Select(c => c.Key).ToListAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<int> SeedClientAsync(CoreTestHost host)
    {
        await using var context = host.NewContext();
        var client = new ApiClient { Name = "sweeper", ClientId = ApiSecrets.NewClientId(), SecretHash = ApiSecrets.Hash("secret-secret"), Permission = ApiPermission.Full };
        context.Add(client);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        return client.Id;
    }
}
