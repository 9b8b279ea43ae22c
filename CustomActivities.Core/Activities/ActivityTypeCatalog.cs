using System.Collections.Frozen;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Events;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.Activities;

public enum LiveTypeState
{
    Approved,
    NotApproved,
    Archived,
}

/// <summary>The version of a type that activities are validated against (the latest approved one).</summary>
public sealed record LiveActivityType(
    int Id,
    string ApiName,
    LiveTypeState State,
    int VersionNumber,
    ActivityField? Primary,
    FrozenDictionary<string, ActivityField> SecondaryByName);

/// <summary>
/// Every type's live version, held in memory for the ingestion path. Any saved change to a type, version or field
/// (approval, archive, draft), on this node or another one of the database, drops the snapshot through
/// <see cref="ActivityTypeCacheInvalidator"/> and <see cref="ChangedSignal"/>; the next call reloads it.
/// </summary>
public sealed class ActivityTypeCatalog : IDisposable
{
    /// <summary>Some type, version or field changed (saved, and again once committed): every node drops what it holds of them.</summary>
    public const string ChangedSignal = "activity-types.changed";

    private readonly IServiceScopeFactory scopeFactory;
    private readonly IClusterSignals signals;
    private readonly IDisposable subscription;

    public ActivityTypeCatalog(IServiceScopeFactory scopeFactory, IClusterSignals signals)
    {
        this.scopeFactory = scopeFactory;
        this.signals = signals;
        subscription = signals.Subscribe(ChangedSignal, _ => Invalidate());
        signals.MessagesMayHaveBeenMissed += Invalidate;
    }

    private sealed record Snapshot(FrozenDictionary<int, LiveActivityType> ById, FrozenDictionary<string, LiveActivityType> ByApiName);

    private Snapshot? snapshot;
    private int generation;
    private readonly SemaphoreSlim loadGate = new(1, 1);

    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref snapshot, null);
    }

    public void Dispose()
    {
        subscription.Dispose();
        signals.MessagesMayHaveBeenMissed -= Invalidate;
    }

    public async ValueTask<LiveActivityType?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).ById.GetValueOrDefault(id);

    public async ValueTask<LiveActivityType?> FindAsync(string apiName, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).ByApiName.GetValueOrDefault(apiName);

    private async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref snapshot) is { } current)
        {
            return current;
        }
        await loadGate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref snapshot) is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }
            var startedAt = Volatile.Read(ref generation);
            var loaded = await LoadAsync(cancellationToken);
            if (startedAt == Volatile.Read(ref generation))
            {
                Volatile.Write(ref snapshot, loaded);
            }
            return loaded;
        }
        finally
        {
            loadGate.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var types = await context.ActivityTypes.AsNoTracking().Include(t => t.Versions).AsSplitQuery().ToListAsync(cancellationToken);
        var live = types.Select(Live).ToList();
        return new Snapshot(
            live.ToFrozenDictionary(t => t.Id),
            live.ToFrozenDictionary(t => t.ApiName, StringComparer.OrdinalIgnoreCase));
    }

    private static LiveActivityType Live(ActivityType type)
    {
        var version = type.LiveVersionNumber is { } number
            ? type.Versions.SingleOrDefault(v => v.Number == number && v.State == VersionState.Approved)
            : null;
        var state = type.IsArchived ? LiveTypeState.Archived : version is null ? LiveTypeState.NotApproved : LiveTypeState.Approved;
        if (version is null)
        {
            return new LiveActivityType(type.Id, type.ApiName, state, 0, null, FrozenDictionary<string, ActivityField>.Empty);
        }
        var byName = new Dictionary<string, ActivityField>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in version.Fields.Where(f => !f.IsPrimary))
        {
            byName[field.ApiName] = field;
        }
        foreach (var field in version.Fields.Where(f => !f.IsPrimary))
        {
            byName.TryAdd(field.DisplayName, field);
        }
        return new LiveActivityType(type.Id, type.ApiName, state, version.Number, version.Fields.SingleOrDefault(f => f.IsPrimary),
            byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }
}
