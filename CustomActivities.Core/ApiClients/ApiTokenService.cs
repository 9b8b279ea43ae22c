using System.Collections.Concurrent;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Events;
using CustomActivities.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomActivities.Core.ApiClients;

/// <summary>The client behind a valid access token.</summary>
public sealed record ApiCaller(int ClientId, string Name, ApiPermission Permission)
{
    /// <summary>
    /// A full-permission client was given that permission by an admin to manage activity types, so it acts as an admin
    /// in the type lifecycle (approve, discard any draft, delete); the self-approval rule still applies to it.
    /// </summary>
    public Actor Actor { get; } = new(ActorKind.ApiClient, ClientId.ToString(), Name, IsAdmin: Permission == ApiPermission.Full);

    public bool Allows(ApiAccess access) => new ApiClient { Name = Name, ClientId = "", SecretHash = "", Permission = Permission }.Allows(access);
}

public sealed record IssuedToken(string AccessToken, int ExpiresIn, ApiCaller Caller);

public enum TokenCheck
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>
/// Issues and checks access tokens (OAuth 2 client credentials, as Marketo). Tokens are stored as a hash plus expiry,
/// so they survive restarts; checks are served from memory after the first use of a token.
/// </summary>
public sealed class ApiTokenService : IDisposable
{
    /// <summary>A client was revoked or its secret rotated (its token rows are deleted): every node forgets its tokens.</summary>
    public const string ClientForgottenSignal = "api-client.forgotten";

    private sealed record CachedToken(ApiCaller Caller, DateTimeOffset ExpiresAt);

    /// <summary>How long a token found in no row is answered "invalid" from memory, so repeated garbage tokens cost no lookup.</summary>
    internal static readonly TimeSpan UnknownTokenMemory = TimeSpan.FromSeconds(30);

    /// <summary>Bounds the memory of unknown tokens; when full (after dropping expired entries) a new garbage token is looked up.</summary>
    internal const int MaxUnknownTokens = 10_000;

    private readonly ConcurrentDictionary<string, CachedToken> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> unknown = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim issueGate = new(1, 1);
    private readonly IServiceScopeFactory scopeFactory;
    private readonly TimeProvider timeProvider;
    private readonly IOptions<ApiOptions> options;
    private readonly IClusterSignals signals;
    private readonly IDataProtector protector;
    private readonly IDisposable forgetting;

    public ApiTokenService(IServiceScopeFactory scopeFactory, TimeProvider timeProvider, IOptions<ApiOptions> options,
        IDataProtectionProvider dataProtection, IClusterSignals signals)
    {
        this.scopeFactory = scopeFactory;
        this.timeProvider = timeProvider;
        this.options = options;
        this.signals = signals;
        protector = dataProtection.CreateProtector("CustomActivities.ApiAccessTokens");
        forgetting = signals.Subscribe(ClientForgottenSignal,
            payload => DropCachedTokens(int.Parse(payload, System.Globalization.CultureInfo.InvariantCulture)));
        // A revocation sent while this node was cut off would leave the token valid here until it expires.
        signals.MessagesMayHaveBeenMissed += cache.Clear;
    }

    /// <summary>Returns the client's current token (with its remaining lifetime) or a new one; null for bad credentials.</summary>
    public async Task<IssuedToken?> IssueAsync(string? clientId, string? clientSecret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
        {
            return null;
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var client = await context.Set<ApiClient>().AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (client is null || client.IsRevoked || !ApiSecrets.Matches(clientSecret, client.SecretHash))
        {
            return null;
        }
        var caller = new ApiCaller(client.Id, client.Name, client.Permission);
        await issueGate.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            var current = await context.Set<ApiAccessToken>().AsNoTracking()
                .Where(t => t.ApiClientId == client.Id && t.ExpiresAt > now)
                .OrderByDescending(t => t.ExpiresAt).FirstOrDefaultAsync(cancellationToken);
            if (current is not null && TryUnprotect(current.ProtectedToken) is { } existing)
            {
                var remaining = (int)Math.Floor((current.ExpiresAt - now).TotalSeconds);
                if (remaining > 0)
                {
                    return new IssuedToken(existing, remaining, caller);
                }
            }
            var token = ApiSecrets.NewSecret();
            var lifetime = options.Value.TokenLifetimeSeconds;
            var row = new ApiAccessToken
            {
                ApiClientId = client.Id,
                TokenHash = ApiSecrets.Hash(token),
                ProtectedToken = protector.Protect(token),
                IssuedAt = now,
                ExpiresAt = now.AddSeconds(lifetime),
            };
            context.Add(row);
            await context.Set<ApiAccessToken>().Where(t => t.ExpiresAt < now.AddDays(-1)).ExecuteDeleteAsync(cancellationToken);
            await context.SaveChangesAsync(cancellationToken);
            cache[row.TokenHash] = new CachedToken(caller, row.ExpiresAt);
            return new IssuedToken(token, lifetime, caller);
        }
        finally
        {
            issueGate.Release();
        }
    }

    public async ValueTask<(TokenCheck Check, ApiCaller? Caller)> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return (TokenCheck.Invalid, null);
        }
        var hash = ApiSecrets.Hash(token);
        if (!cache.TryGetValue(hash, out var cached))
        {
            if (unknown.TryGetValue(hash, out var forgetAt) && forgetAt > timeProvider.GetUtcNow())
            {
                return (TokenCheck.Invalid, null);
            }
            await using var scope = scopeFactory.CreateAsyncScope();
            await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
            var found = await (from t in context.Set<ApiAccessToken>().AsNoTracking()
                               join c in context.Set<ApiClient>().AsNoTracking() on t.ApiClientId equals c.Id
                               where t.TokenHash == hash && c.RevokedAt == null
                               select new { c.Id, c.Name, c.Permission, t.ExpiresAt }).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                RememberUnknown(hash);
                return (TokenCheck.Invalid, null);
            }
            unknown.TryRemove(hash, out _);
            cached = new CachedToken(new ApiCaller(found.Id, found.Name, found.Permission), found.ExpiresAt);
            cache[hash] = cached;
        }
        if (cached.ExpiresAt <= timeProvider.GetUtcNow())
        {
            return (TokenCheck.Expired, null);
        }
        return (TokenCheck.Valid, cached.Caller);
    }

    /// <summary>Drops a revoked or rotated client's tokens from the memory of every node (the rows are already deleted).</summary>
    public void ForgetClient(int clientId) =>
        signals.Publish(ClientForgottenSignal, clientId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private void DropCachedTokens(int clientId)
    {
        foreach (var (hash, token) in cache)
        {
            if (token.Caller.ClientId == clientId)
            {
                cache.TryRemove(hash, out _);
            }
        }
    }

    private void RememberUnknown(string hash)
    {
        var now = timeProvider.GetUtcNow();
        if (unknown.Count >= MaxUnknownTokens)
        {
            foreach (var (staleHash, forgetAt) in unknown)
            {
                if (forgetAt <= now)
                {
                    unknown.TryRemove(staleHash, out _);
                }
            }
            if (unknown.Count >= MaxUnknownTokens)
            {
                return;
            }
        }
        unknown[hash] = now + UnknownTokenMemory;
    }

    private string? TryUnprotect(string protectedToken)
    {
        try
        {
            return protector.Unprotect(protectedToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        forgetting.Dispose();
        signals.MessagesMayHaveBeenMissed -= cache.Clear;
    }
}
