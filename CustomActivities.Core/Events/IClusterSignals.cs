namespace CustomActivities.Core.Events;

/// <summary>
/// Small named messages between the nodes that serve one database, for live updates (an open timeline's "3 new
/// activities", the sidebar's approvals badge). Publish once the change is committed: every subscriber on every node,
/// the publisher's own included, hears each message once. Best effort: a message can be lost while a node's connection
/// to the others is down, never the change it tells of (a reload shows it).
/// </summary>
public interface IClusterSignals
{
    /// <summary>
    /// The largest payload, in UTF-8 bytes, on every implementation (PostgreSQL's NOTIFY takes under 8000 bytes with
    /// the envelope): a publisher with more to say splits it into several messages.
    /// </summary>
    const int MaxPayloadBytes = 7000;

    /// <summary>
    /// Tells this node's subscribers now, on the caller's thread, and the other nodes' soon after; never blocks on the
    /// network. Throws <see cref="ArgumentException"/> for a name that is not a short identifier or a payload over
    /// <see cref="MaxPayloadBytes"/>.
    /// </summary>
    void Publish(string name, string payload);

    /// <summary>
    /// Calls <paramref name="handler"/> with the payload of each message of that name, from any node, until disposed.
    /// Called on the publisher's thread or the listener's: a component must marshal it (InvokeAsync). A failing handler
    /// is logged and does not stop the others.
    /// </summary>
    IDisposable Subscribe(string name, Action<string> handler);

    /// <summary>
    /// This node starts listening to the others, at start-up or after it was cut off: whatever they sent before is lost,
    /// so a subscriber that holds shared state in memory drops it (the database has it). Raised on the listener's thread
    /// once it listens, so nothing sent after it is missed. Never raised on a single node.
    /// </summary>
    event Action? MessagesMayHaveBeenMissed;
}
