using Microsoft.Extensions.Logging;

namespace CustomActivities.Core.Events;

/// <summary>The signals of a single node (SQLite, one process): a message reaches this process's subscribers only.</summary>
public sealed class InProcessClusterSignals(ILogger<InProcessClusterSignals> logger) : IClusterSignals
{
    private readonly ClusterSignalSubscribers subscribers = new(logger);

    public void Publish(string name, string payload)
    {
        ClusterSignalSubscribers.CheckMessage(name, payload);
        subscribers.Deliver(name, payload);
    }

    public IDisposable Subscribe(string name, Action<string> handler) => subscribers.Add(name, handler);

    /// <summary>Every message of one process reaches it: none is ever missed.</summary>
    public event Action? MessagesMayHaveBeenMissed
    {
        add { }
        remove { }
    }
}
