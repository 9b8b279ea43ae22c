using CustomActivities.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CustomActivities.Web.Components.Account;

/// <summary>
/// Failed sign-ins with emails no account has, counted as Identity counts a real account's (Lockout:MaxFailedAccessAttempts
/// in a row, then locked for Lockout:DefaultLockoutTimeSpan), so both reach the lockout page after the same attempts.
/// Kept in memory, bounded (the oldest entries go first), and forgotten after a lockout's length without failures.
/// </summary>
public sealed class UnknownEmailFailures(IOptions<IdentityOptions> identity, TimeProvider clock) : IDisposable
{
    public static readonly ApplicationUser Decoy = new() { UserName = "decoy@invalid" };

    private readonly MemoryCache failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly Lock gate = new();
    private string? decoyHash;

    private sealed class Entry
    {
        public int Count;
        public DateTimeOffset? LockedUntil;
    }

    /// <summary>A hash of a random password made with the app's hasher settings, so checking it costs what a real check costs.</summary>
    public string DecoyHash(IPasswordHasher<ApplicationUser> hasher) =>
        decoyHash ??= hasher.HashPassword(Decoy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    /// <summary>Counts a failure; true when the email is (now) locked out.</summary>
    public bool RecordFailure(string email)
    {
        var options = identity.Value.Lockout;
        var key = email.Trim().ToUpperInvariant();
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (!failures.TryGetValue(key, out Entry? entry) || entry is null)
            {
                entry = new Entry();
            }
            if (entry.LockedUntil is { } until && until > now)
            {
                return true;
            }
            entry.LockedUntil = null;
            entry.Count++;
            if (entry.Count >= options.MaxFailedAccessAttempts)
            {
                entry.Count = 0;
                entry.LockedUntil = now + options.DefaultLockoutTimeSpan;
            }
            failures.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = options.DefaultLockoutTimeSpan });
            return entry.LockedUntil is not null;
        }
    }

    public void Dispose() => failures.Dispose();
}
