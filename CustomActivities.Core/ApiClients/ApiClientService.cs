using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.ApiClients;

/// <summary>A client just created or rotated: the only moment its secret is known.</summary>
public sealed record ApiClientSecret(int Id, string Name, string ClientId, string Secret);

public sealed record ApiClientDailyCalls(DateOnly Day, long Calls);

public sealed record ApiClientSummary(
    int Id,
    string Name,
    string ClientId,
    ApiPermission Permission,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    long CallsToday,
    IReadOnlyList<ApiClientDailyCalls> RecentDays);

/// <summary>Why the API clients page's change is refused (<see cref="Problem.Code"/>).</summary>
[ProblemCodes]
public static class ApiClientErrors
{
    [ProblemKind(ProblemKind.Conflict)]
    public const string NameTaken = "apiClientNameTaken";
    [ProblemKind(ProblemKind.Conflict)]
    public const string Revoked = "apiClientRevoked";
    [ProblemKind(ProblemKind.NotFound)]
    public const string NotFound = "apiClientNotFound";
}

/// <summary>Creates, revokes and rotates API clients (admin page), every change audited.</summary>
public sealed class ApiClientService(
    IDbContextFactory<AppDbContext> contextFactory,
    AuditLog auditLog,
    ICurrentActor currentActor,
    TimeProvider timeProvider,
    ApiTokenService tokens,
    ApiUsageTracker usage)
{
    public const int MaxNameLength = 200;

    public async Task<Result<ApiClientSecret>> CreateAsync(string name, ApiPermission permission, CancellationToken cancellationToken = default)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return Result.Failure<ApiClientSecret>(new Problem(nameof(ApiClient.Name), CommonProblems.Required, "Enter a name."));
        }
        if (name.Length > MaxNameLength)
        {
            return Result.Failure<ApiClientSecret>(CommonProblems.TooLongFor(nameof(ApiClient.Name), MaxNameLength));
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await context.Set<ApiClient>().AnyAsync(c => c.Name == name && c.RevokedAt == null, cancellationToken))
        {
            return Result.Failure<ApiClientSecret>(new Problem(nameof(ApiClient.Name), ApiClientErrors.NameTaken, $"An active client named '{name}' already exists.")
            {
                Arguments = [name],
            });
        }
        var secret = ApiSecrets.NewSecret();
        var client = new ApiClient
        {
            Name = name,
            ClientId = ApiSecrets.NewClientId(),
            SecretHash = ApiSecrets.Hash(secret),
            Permission = permission,
            CreatedAt = timeProvider.GetUtcNow(),
            CreatedBy = actor.Label,
        };
        context.Add(client);
        await context.SaveChangesAsync(cancellationToken);
        auditLog.Record(context, actor, AuditActions.ApiClientCreated, "ApiClient", client.Id.ToString(), name, null, new { name, permission = permission.ToString(), client.ClientId });
        await context.SaveChangesAsync(cancellationToken);
        return Result.Succeed(new ApiClientSecret(client.Id, client.Name, client.ClientId, secret));
    }

    public async Task<Result> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (client, refusal) = await FindActiveAsync(context, id, cancellationToken);
        if (client is null)
        {
            return Result.Failure(refusal!);
        }
        client.RevokedAt = timeProvider.GetUtcNow();
        await context.Set<ApiAccessToken>().Where(t => t.ApiClientId == id).ExecuteDeleteAsync(cancellationToken);
        auditLog.Record(context, actor, AuditActions.ApiClientRevoked, "ApiClient", id.ToString(), client.Name, null, null);
        await context.SaveChangesAsync(cancellationToken);
        tokens.ForgetClient(id);
        return Result.Success;
    }

    /// <summary>Issues a new secret; the old one and every token issued with it stop working at once.</summary>
    public async Task<Result<ApiClientSecret>> RotateSecretAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (client, refusal) = await FindActiveAsync(context, id, cancellationToken);
        if (client is null)
        {
            return Result.Failure<ApiClientSecret>(refusal!);
        }
        var secret = ApiSecrets.NewSecret();
        client.SecretHash = ApiSecrets.Hash(secret);
        client.SecretRotatedAt = timeProvider.GetUtcNow();
        await context.Set<ApiAccessToken>().Where(t => t.ApiClientId == id).ExecuteDeleteAsync(cancellationToken);
        auditLog.Record(context, actor, AuditActions.ApiClientSecretRotated, "ApiClient", id.ToString(), client.Name, null, null);
        await context.SaveChangesAsync(cancellationToken);
        tokens.ForgetClient(id);
        return Result.Succeed(new ApiClientSecret(client.Id, client.Name, client.ClientId, secret));
    }

    public async Task<IReadOnlyList<ApiClientSummary>> ListAsync(int recentDays = 7, CancellationToken cancellationToken = default)
    {
        await usage.FlushAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var clients = await context.Set<ApiClient>().AsNoTracking().OrderBy(c => c.RevokedAt != null).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var today = ApiUsageTracker.DayNumber(timeProvider.GetUtcNow());
        var firstDay = ApiUsageTracker.DayNumber(timeProvider.GetUtcNow().AddDays(-(recentDays - 1)));
        var calls = await context.Set<ApiClientUsage>().AsNoTracking().Where(u => u.Day >= firstDay).ToListAsync(cancellationToken);
        return [.. clients.Select(c =>
        {
            var mine = calls.Where(u => u.ApiClientId == c.Id).OrderByDescending(u => u.Day).ToList();
            return new ApiClientSummary(c.Id, c.Name, c.ClientId, c.Permission, c.CreatedAt, c.CreatedBy, c.RevokedAt, c.LastUsedAt,
                mine.FirstOrDefault(u => u.Day == today)?.Calls ?? 0,
                [.. mine.Select(u => new ApiClientDailyCalls(ApiUsageTracker.DayOf(u.Day), u.Calls))]);
        })];
    }

    /// <summary>The client, or why it can no longer be revoked or get a new secret (another admin may have been quicker).</summary>
    private static async Task<(ApiClient? Client, Problem? Refusal)> FindActiveAsync(AppDbContext context, int id, CancellationToken cancellationToken)
    {
        var client = await context.Set<ApiClient>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return client switch
        {
            null => (null, new Problem("", ApiClientErrors.NotFound, $"API client {id} does not exist.")),
            { IsRevoked: true } => (null, new Problem("", ApiClientErrors.Revoked, $"API client {id} is revoked.") { Arguments = [client.Name] }),
            _ => (client, null),
        };
    }
}
