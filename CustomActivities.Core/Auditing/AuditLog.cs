using System.Text.Json;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Auditing;

public sealed record AuditQuery(
    string? EntityType = null,
    string? Action = null,
    string? EntityId = null,
    string? Actor = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Skip = 0,
    int Take = 50);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int TotalCount);

/// <summary>Writes and reads the audit trail. Entries are added to the caller's context so they commit with the change they describe.</summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> contextFactory, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions SnapshotOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public AuditEntry Record(AppDbContext context, Actor actor, string action, string entityType, string entityId,
        string? entityName, object? before, object? after)
    {
        var entry = new AuditEntry
        {
            OccurredAt = timeProvider.GetUtcNow(),
            Actor = actor.Label,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            EntityName = entityName,
            Before = before is null ? null : JsonSerializer.Serialize(before, SnapshotOptions),
            After = after is null ? null : JsonSerializer.Serialize(after, SnapshotOptions),
        };
        context.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>The entries matching the query among those the viewer may read (<see cref="AuditVisibility"/>), newest first.</summary>
    public async Task<AuditPage> QueryAsync(Actor viewer, AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = context.AuditEntries.AsNoTracking().VisibleTo(viewer);
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(e => e.EntityId == query.EntityId);
        }
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            entries = entries.Where(e => e.Actor == query.Actor);
        }
        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }
        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 500))
            .ToListAsync(cancellationToken);
        return new AuditPage(page, total);
    }

    /// <summary>The actions recorded in the entries the viewer may read, for the action filter.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(Actor viewer, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.AuditEntries.VisibleTo(viewer).Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }

    /// <summary>Who appears in the entries the viewer may read, for the actor filter.</summary>
    public async Task<IReadOnlyList<string>> ActorsAsync(Actor viewer, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.AuditEntries.VisibleTo(viewer).Select(e => e.Actor).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }
}
