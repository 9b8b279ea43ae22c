using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CustomActivities.Core.Events;

/// <summary>The subscribers of one node, by message name, and the rules every message obeys on every implementation.</summary>
public sealed class ClusterSignalSubscribers(ILogger logger)
{
    /// <summary>Names are short identifiers, so that an envelope can separate them from the payload without escaping.</summary>
    public const int MaxNameLength = 100;

    private readonly ConcurrentDictionary<string, ImmutableArray<Action<string>>> handlersByName = new(StringComparer.Ordinal);

    public IDisposable Add(string name, Action<string> handler)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(handler);
        handlersByName.AddOrUpdate(name, _ => [handler], (_, handlers) => handlers.Add(handler));
        return new Subscription(() => handlersByName.AddOrUpdate(name, _ => [], (_, handlers) => handlers.Remove(handler)));
    }

    /// <summary>Hands the payload to every handler of the name; the change is already stored, so a failure is only logged.</summary>
    public void Deliver(string name, string payload)
    {
        if (!handlersByName.TryGetValue(name, out var handlers))
        {
            return;
        }
        foreach (var handler in handlers)
        {
            try
            {
                handler(payload);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A subscriber to the {Signal} signal failed", name);
            }
        }
    }

    public static void CheckMessage(string name, string payload)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(payload);
        if (Encoding.UTF8.GetByteCount(payload) > IClusterSignals.MaxPayloadBytes)
        {
            throw new ArgumentException($"A {name} signal carries at most {IClusterSignals.MaxPayloadBytes} bytes: split it.", nameof(payload));
        }
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ArgumentException($"A signal name is 1 to {MaxNameLength} ASCII letters, digits, '.', '-' or '_': \"{name}\".", nameof(name));
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
