using System.Text.Json;
using CustomActivities.Core.Activities;
using CustomActivities.Core.Persistence.Postgres;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomActivities.Tests.Integration.Postgres;

/// <summary>Two nodes on one real PostgreSQL database, each with its own signals (LISTEN/NOTIFY).</summary>
[Trait("Database", "Postgres")]
public sealed class PostgresClusterSignalsTests : IAsyncLifetime
{
    private const string Name = "thing.changed";

    private readonly PostgresDatabase database = new();
    private readonly List<PostgresClusterSignals> nodes = [];

    public ValueTask InitializeAsync() => database.InitializeAsync();

    [Fact]
    public async Task A_message_reaches_the_other_node_and_each_subscriber_of_the_sender_once()
    {
        var (a, b) = (await StartNodeAsync(), await StartNodeAsync());
        using var heardOnA = new SignalRecorder(a, Name);
        using var heardOnB = new SignalRecorder(b, Name);

        a.Publish(Name, "1 from A");
        await heardOnB.WaitForAsync("1 from A");
        // Sent after B heard A's first: by the time A hears it, A's listener has had A's first back (and skipped it).
        b.Publish(Name, "2 from B");
        await heardOnA.WaitForAsync("2 from B");
        a.Publish(Name, "3 from A");
        await heardOnB.WaitForAsync("3 from A");

        Assert.Equal(["1 from A", "2 from B", "3 from A"], heardOnA.Heard);
        Assert.Equal(["1 from A", "2 from B", "3 from A"], heardOnB.Heard);
    }

    [Fact]
    public async Task Equal_messages_sent_together_all_arrive()
    {
        var (a, b) = (await StartNodeAsync(), await StartNodeAsync());
        using var heardOnB = new SignalRecorder(b, Name);

        for (var i = 0; i < 5; i++)
        {
            a.Publish(Name, "same");
        }
        a.Publish(Name, "last");
        await heardOnB.WaitForAsync("last");

        Assert.Equal(["same", "same", "same", "same", "same", "last"], heardOnB.Heard);
    }

    [Fact]
    public async Task A_node_whose_connection_is_terminated_listens_again_hears_later_messages_and_says_it_may_have_missed_some()
    {
        var (a, b) = (await StartNodeAsync(), await StartNodeAsync());
        using var heardOnB = new SignalRecorder(b, Name);
        var gapsOnA = 0;
        var gapsOnB = 0;
        a.MessagesMayHaveBeenMissed += () => Interlocked.Increment(ref gapsOnA);
        b.MessagesMayHaveBeenMissed += () => Interlocked.Increment(ref gapsOnB);
        var lost = await b.ListeningAsync(cancellationToken: TestContext.Current.CancellationToken);

        await database.TerminateAsync(lost);
        var again = await b.ListeningAsync(replacing: lost, TestContext.Current.CancellationToken);
        a.Publish(Name, "after the reconnection");
        await heardOnB.WaitForAsync("after the reconnection");

        Assert.NotEqual(lost, again);
        Assert.True(b.IsListening);
        Assert.Equal(["after the reconnection"], heardOnB.Heard);
        // Told before it listened again, so that what it reloads is no older than the first message it then hears.
        Assert.Equal((0, 1), (gapsOnA, gapsOnB));
    }

    [Fact]
    public async Task A_batch_of_new_activities_too_large_for_one_notify_reaches_the_other_nodes_timelines_whole()
    {
        var (a, b) = (await StartNodeAsync(), await StartNodeAsync());
        using var feedOnA = new ActivityFeed(a, NullLogger<ActivityFeed>.Instance);
        using var feedOnB = new ActivityFeed(b, NullLogger<ActivityFeed>.Instance);
        using var messagesOnB = new SignalRecorder(b, ActivityFeed.SignalName);
        var heard = new Dictionary<int, int>();
        feedOnB.Added += added =>
        {
            lock (heard)
            {
                foreach (var (person, count) in added.CountByPerson)
                {
                    heard[person] = heard.GetValueOrDefault(person) + count;
                }
            }
        };
        var batch = Enumerable.Range(1_000_000_000, 2_000).ToDictionary(person => person, person => person % 7 + 1);

        feedOnA.Publish(new ActivitiesAdded(batch));
        await messagesOnB.WaitForAsync(messages => messages.Sum(m => JsonSerializer.Deserialize<Dictionary<int, int>>(m)!.Count) >= batch.Count);

        Assert.True(messagesOnB.Heard.Count > 1);
        Assert.Equal(batch, heard);
    }

    private async Task<PostgresClusterSignals> StartNodeAsync()
    {
        var node = new PostgresClusterSignals(database.ConnectionString, NullLogger<PostgresClusterSignals>.Instance);
        nodes.Add(node);
        await node.StartAsync(TestContext.Current.CancellationToken);
        await node.ListeningAsync(cancellationToken: TestContext.Current.CancellationToken);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.StopAsync(CancellationToken.None);
            node.Dispose();
        }
        await database.DisposeAsync();
    }
}
