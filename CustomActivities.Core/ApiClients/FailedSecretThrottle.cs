using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CustomActivities.Core.ApiClients;

/// <summary>
/// Counts failed token requests per client id and per remote address in a fixed window, in memory. Only failures are
/// counted, which the framework's rate limiter cannot do (it admits or refuses before the outcome is known). Once a
/// key is over its limit every token request for it is refused until the window ends, the right secret included:
/// otherwise a guesser would still learn which secret is right.
/// </summary>
public sealed class FailedSecretThrottle(TimeProvider timeProvider, IOptionsMonitor<ApiOptions> options)
{
    /// <summary>Keeps memory bounded when many addresses fail; past it, new keys are not counted (their client id still is).</summary>
    internal const int MaxKeys = 10_000;

    private sealed class Window
    {
        public long StartTicks;
        public int Failures;
    }

    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    /// <summary>Seconds until the client id or address may try again, or null when neither is throttled.</summary>
    public int? RetryAfterSeconds(string clientId, string? address)
    {
        var limits = options.CurrentValue;
        var now = timeProvider.GetUtcNow().UtcTicks;
        var wait = Math.Max(Wait(ClientKey(clientId), limits.FailedSecretsPerClient, now, limits), Wait(AddressKey(address), limits.FailedSecretsPerAddress, now, limits));
        return wait > 0 ? wait : null;
    }

    public void RecordFailure(string clientId, string? address)
    {
        var limits = options.CurrentValue;
        var now = timeProvider.GetUtcNow().UtcTicks;
        Count(ClientKey(clientId), now, limits);
        Count(AddressKey(address), now, limits);
    }

    private int Wait(string key, int limit, long now, ApiOptions limits)
    {
        if (!windows.TryGetValue(key, out var window))
        {
            return 0;
        }
        lock (window)
        {
            var end = window.StartTicks + TimeSpan.FromSeconds(limits.FailedSecretWindowSeconds).Ticks;
            return window.Failures >= limit && end > now ? (int)Math.Ceiling(TimeSpan.FromTicks(end - now).TotalSeconds) : 0;
        }
    }

    private void Count(string key, long now, ApiOptions limits)
    {
        var length = TimeSpan.FromSeconds(limits.FailedSecretWindowSeconds).Ticks;
        if (!windows.ContainsKey(key) && windows.Count >= MaxKeys)
        {
            foreach (var (staleKey, stale) in windows)
            {
                if (Volatile.Read(ref stale.StartTicks) + length <= now)
                {
                    windows.TryRemove(staleKey, out _);
                }
            }
            if (windows.Count >= MaxKeys)
            {
                return;
            }
        }
        var window = windows.GetOrAdd(key, _ => new Window { StartTicks = now });
        lock (window)
        {
            if (window.StartTicks + length <= now)
            {
                window.StartTicks = now;
                window.Failures = 0;
            }
            window.Failures++;
        }
    }

    private static string ClientKey(string clientId) => "client:" + clientId;

    private static string AddressKey(string? address) => "address:" + (address ?? "unknown");
}
