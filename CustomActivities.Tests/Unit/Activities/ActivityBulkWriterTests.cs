using System.Text.Json.Nodes;
using CustomActivities.Core.Activities;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Tests.Unit.Activities;

public sealed class ActivityBulkWriterTests
{
    [Fact]
    public async Task Writes_a_batch_in_order_and_moves_each_persons_last_activity_forward()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var (ada, grace, typeId) = await SeedAsync(host);
        var t0 = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        ActivitiesAdded? published = null;
        host.Get<ActivityFeed>().Added += added => published = added;

        var ids = await host.Get<ActivityBulkWriter>().WriteAsync(
        [
            new NewActivity(ada, typeId, 1, t0, "First", """{"minutes":5}"""),
            new NewActivity(grace, typeId, 1, t0.AddHours(2), "Second", null),
            new NewActivity(ada, typeId, 1, t0.AddHours(1), "Third", null),
        ], TestContext.Current.CancellationToken);

        Assert.Equal(3, ids.Length);
        Assert.Equal(2, published!.CountByPerson[ada]);
        Assert.Equal(1, published.CountByPerson[grace]);
        Assert.True(ids[0] < ids[1] && ids[1] < ids[2]);
        await using var context = host.NewContext();
        var stored = await context.Activities.OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["First", "Second", "Third"], stored.Select(a => a.PrimaryValue));
        Assert.Equal(t0, stored[0].OccurredAt);
        // Compared as JSON: PostgreSQL's jsonb hands back its own spacing.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"minutes":5}"""), JsonNode.Parse(stored[0].Attributes!)), stored[0].Attributes);
        Assert.Equal(host.Clock.GetUtcNow(), stored[0].RecordedAt);
        var people = await context.People.ToDictionaryAsync(p => p.Id, TestContext.Current.CancellationToken);
        Assert.Equal(t0.AddHours(1), people[ada].LastActivityAt);
        Assert.Equal(t0.AddHours(2), people[grace].LastActivityAt);
    }

    [Fact]
    public async Task A_batch_that_fails_part_way_stores_nothing_and_the_writer_keeps_working()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var (ada, _, typeId) = await SeedAsync(host);
        var writer = host.Get<ActivityBulkWriter>();
        var now = host.Clock.GetUtcNow();

        var publications = 0;
        host.Get<ActivityFeed>().Added += _ => publications++;

        // The second row names a person that does not exist: the foreign key fails inside the transaction.
        await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteAsync(
        [
            new NewActivity(ada, typeId, 1, now, "kept?", null),
            new NewActivity(999_999, typeId, 1, now, "bad", null),
        ], TestContext.Current.CancellationToken));

        await writer.WriteAsync([new NewActivity(ada, typeId, 1, now, "after", null)], TestContext.Current.CancellationToken);
        await using var context = host.NewContext();
        Assert.Equal(["after"], await context.Activities.Select(a => a.PrimaryValue).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, publications);
    }

    [Fact]
    public async Task A_throwing_subscriber_does_not_turn_a_stored_batch_into_a_failure_nor_stop_other_subscribers()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var (ada, _, typeId) = await SeedAsync(host);
        var feed = host.Get<ActivityFeed>();
        feed.Added += _ => throw new InvalidOperationException("A broken timeline.");
        var told = 0;
        feed.Added += _ => told++;

        var ids = await host.Get<ActivityBulkWriter>().WriteAsync(
            [new NewActivity(ada, typeId, 1, host.Clock.GetUtcNow(), "stored once", null)], TestContext.Current.CancellationToken);

        Assert.Single(ids);
        Assert.Equal(1, told);
        await using var context = host.NewContext();
        var stored = await context.Activities.Select(a => new { a.Id, a.PrimaryValue }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ids[0], Assert.Single(stored).Id);
    }

    private static async Task<(int Ada, int Grace, int TypeId)> SeedAsync(CoreTestHost host)
    {
        await using var context = host.NewContext();
        var ada = A.Person.WithEmail("ada@example.com").Build();
        var grace = A.Person.WithEmail("grace@example.com").Build();
        var type = A.ActivityType.Build();
        context.AddRange(ada, grace, type);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (ada.Id, grace.Id, type.Id);
    }
}
