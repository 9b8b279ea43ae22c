using System.Text;
using CustomActivities.Core.Activities;
using CustomActivities.Core.Events;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomActivities.Tests.Unit.Events;

/// <summary>The single-node signals (the SQLite default) and the message rules every implementation shares.</summary>
public sealed class ClusterSignalsTests
{
    private readonly InProcessClusterSignals signals = new(NullLogger<InProcessClusterSignals>.Instance);

    [Fact]
    public void A_message_reaches_each_subscriber_of_its_name_once_and_a_failing_one_stops_no_other()
    {
        using var first = new SignalRecorder(signals, "thing.changed");
        using var broken = signals.Subscribe("thing.changed", _ => throw new InvalidOperationException("A broken badge."));
        using var second = new SignalRecorder(signals, "thing.changed");
        using var other = new SignalRecorder(signals, "other.changed");

        signals.Publish("thing.changed", "42");

        Assert.Equal(["42"], first.Heard);
        Assert.Equal(["42"], second.Heard);
        Assert.Empty(other.Heard);
    }

    [Fact]
    public void A_disposed_subscription_hears_nothing_more()
    {
        var recorder = new SignalRecorder(signals, "thing.changed");
        signals.Publish("thing.changed", "before");

        recorder.Dispose();
        signals.Publish("thing.changed", "after");

        Assert.Equal(["before"], recorder.Heard);
    }

    [Fact]
    public void A_payload_over_the_limit_or_a_name_that_is_not_a_short_identifier_is_refused()
    {
        var largest = new string('é', IClusterSignals.MaxPayloadBytes / 2);
        signals.Publish("thing.changed", largest);

        Assert.Throws<ArgumentException>(() => signals.Publish("thing.changed", largest + "x"));
        Assert.Throws<ArgumentException>(() => signals.Publish("thing|changed", ""));
        Assert.Throws<ArgumentException>(() => signals.Publish("", ""));
        Assert.Throws<ArgumentException>(() => signals.Subscribe(new string('a', ClusterSignalSubscribers.MaxNameLength + 1), _ => { }));
    }

    [Fact]
    public async Task A_batch_for_more_people_than_one_message_carries_goes_out_in_several_under_the_limit_and_every_person_is_heard()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var feed = host.Get<ActivityFeed>();
        using var messages = new SignalRecorder(host.Get<IClusterSignals>(), ActivityFeed.SignalName);
        var heard = new Dictionary<int, int>();
        feed.Added += added =>
        {
            foreach (var (person, count) in added.CountByPerson)
            {
                heard[person] = heard.GetValueOrDefault(person) + count;
            }
        };
        // The widest entries there are, so that the split is checked against the worst case.
        var batch = Enumerable.Range(0, ActivityFeed.PeoplePerSignal * 3 + 1).ToDictionary(i => int.MinValue + i, _ => int.MaxValue);

        feed.Publish(new ActivitiesAdded(batch));

        Assert.Equal(4, messages.Heard.Count);
        Assert.All(messages.Heard, payload => Assert.InRange(Encoding.UTF8.GetByteCount(payload), 1, IClusterSignals.MaxPayloadBytes));
        Assert.Equal(batch, heard);
    }
}
