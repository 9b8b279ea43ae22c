using CustomActivities.Core.Events;

namespace CustomActivities.Tests.Support;

/// <summary>What one subscriber of one node heard, in order, and a way to wait (without sleeping) until it heard enough.</summary>
public sealed class SignalRecorder : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<string> heard = [];
    private readonly List<(Func<IReadOnlyList<string>, bool> Enough, TaskCompletionSource Done)> waiters = [];
    private readonly IDisposable subscription;

    public SignalRecorder(IClusterSignals signals, string name) => subscription = signals.Subscribe(name, Hear);

    public IReadOnlyList<string> Heard
    {
        get
        {
            lock (gate)
            {
                return [.. heard];
            }
        }
    }

    /// <summary>Completes once the messages heard satisfy <paramref name="enough"/>; the test's cancellation ends a hung wait.</summary>
    public Task WaitForAsync(Func<IReadOnlyList<string>, bool> enough)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (enough(heard))
            {
                return Task.CompletedTask;
            }
            waiters.Add((enough, done));
        }
        return done.Task.WaitAsync(TestContext.Current.CancellationToken);
    }

    public Task WaitForAsync(string payload) => WaitForAsync(messages => messages.Contains(payload));

    private void Hear(string payload)
    {
        lock (gate)
        {
            heard.Add(payload);
            foreach (var waiter in waiters.Where(w => w.Enough(heard)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    public void Dispose() => subscription.Dispose();
}
