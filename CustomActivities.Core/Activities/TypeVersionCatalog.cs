using System.Collections.Concurrent;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Events;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Activities;

/// <summary>
/// Labels of approved type versions by (type id, version number). Approved versions never change, so once read they
/// are kept for the life of the process and a timeline page costs no extra query for its labels. Today's name of each
/// type is kept too, until an approval (the only change that renames a live type) is committed, on this node or, heard
/// as any type change (<see cref="ActivityTypeCatalog.ChangedSignal"/>), on another node of the database.
/// </summary>
public sealed class TypeVersionCatalog : IDomainEventHandler<ActivityTypeDraftApproved>, IDisposable
{
    private readonly ConcurrentDictionary<(int TypeId, int Number), TypeVersionLabels> approved = new();
    private readonly IClusterSignals signals;
    private readonly IDisposable subscription;
    private ConcurrentDictionary<int, string> currentNames = new();

    public TypeVersionCatalog(IClusterSignals signals)
    {
        this.signals = signals;
        subscription = signals.Subscribe(ActivityTypeCatalog.ChangedSignal, _ => DropCurrentNames());
        signals.MessagesMayHaveBeenMissed += DropCurrentNames;
    }

    public Task HandleAsync(ActivityTypeDraftApproved domainEvent, CancellationToken cancellationToken)
    {
        DropCurrentNames();
        return Task.CompletedTask;
    }

    // A reader that loaded names before the swap fills the dropped dictionary, never the new one.
    private void DropCurrentNames() => Volatile.Write(ref currentNames, new ConcurrentDictionary<int, string>());

    public void Dispose()
    {
        subscription.Dispose();
        signals.MessagesMayHaveBeenMissed -= DropCurrentNames;
    }

    /// <summary>Today's name (the live version's) of each type; a type never approved keeps its API name.</summary>
    public async Task<IReadOnlyDictionary<int, string>> CurrentNamesAsync(AppDbContext context, IEnumerable<int> typeIds, CancellationToken cancellationToken)
    {
        var names = Volatile.Read(ref currentNames);
        var missing = typeIds.Distinct().Where(id => !names.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var type in await TodaysNames(context, context.ActivityTypes.IgnoreQueryFilters().Where(t => missing.Contains(t.Id))).ToListAsync(cancellationToken))
            {
                names[type.Id] = type.Name ?? type.ApiName;
            }
        }
        return names;
    }

    public async Task<IReadOnlyDictionary<(int TypeId, int Number), TypeVersionLabels>> GetAsync(
        AppDbContext context, IEnumerable<(int TypeId, int Number)> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.Distinct().ToList();
        var result = new Dictionary<(int, int), TypeVersionLabels>();
        var missing = new List<(int TypeId, int Number)>();
        foreach (var key in wanted)
        {
            if (approved.TryGetValue(key, out var labels))
            {
                result[key] = labels;
            }
            else
            {
                missing.Add(key);
            }
        }
        if (missing.Count == 0)
        {
            return result;
        }
        var typeIds = missing.Select(k => k.TypeId).Distinct().ToList();
        var versions = await context.ActivityTypeVersions.AsNoTracking()
            .Where(v => typeIds.Contains(v.ActivityTypeId))
            .ToListAsync(cancellationToken);
        var apiNames = await context.ActivityTypes.AsNoTracking().IgnoreQueryFilters()
            .Where(t => typeIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.ApiName, cancellationToken);
        foreach (var version in versions)
        {
            var key = (version.ActivityTypeId, version.Number);
            var labels = new TypeVersionLabels(version.ActivityTypeId, apiNames.GetValueOrDefault(version.ActivityTypeId, ""),
                version.Number, version.DisplayName,
                [.. version.Fields.OrderBy(f => f.IsPrimary ? 0 : 1).ThenBy(f => f.Position)
                    .Select(f => new VersionField(f.ApiName, f.DisplayName, f.DataType, f.IsPrimary, f.Position))]);
            if (version.State == VersionState.Approved)
            {
                approved[key] = labels;
            }
            if (missing.Contains(key))
            {
                result[key] = labels;
            }
        }
        foreach (var key in missing.Where(k => !result.ContainsKey(k)))
        {
            result[key] = new TypeVersionLabels(key.TypeId, apiNames.GetValueOrDefault(key.TypeId, ""), key.Number,
                apiNames.GetValueOrDefault(key.TypeId, $"#{key.TypeId}"), []);
        }
        return result;
    }

    /// <summary>Display names of every type's live version (standard types included), for filters.</summary>
    public static async Task<IReadOnlyList<(int Id, string DisplayName)>> LiveTypesAsync(AppDbContext context, CancellationToken cancellationToken)
    {
        var rows = await TodaysNames(context, context.ActivityTypes.IgnoreQueryFilters().Where(t => t.LiveVersionNumber != null)).ToListAsync(cancellationToken);
        // Display names need not be unique; a picker must still tell two types apart, so a shared name gets the API name.
        var labelled = rows.Select(r => (r.Id, r.ApiName, Label: r.Name ?? r.ApiName)).ToList();
        var shared = labelled.GroupBy(r => r.Label, StringComparer.CurrentCultureIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        return [.. labelled.Select(r => (r.Id, shared.Contains(r.Label) ? $"{r.Label} ({r.ApiName})" : r.Label))
            .OrderBy(r => r.Item2, StringComparer.CurrentCultureIgnoreCase)];
    }

    private sealed record TodaysName(int Id, string? Name, string ApiName);

    /// <summary>Each type's live version's display name (null for a type never approved).</summary>
    private static IQueryable<TodaysName> TodaysNames(AppDbContext context, IQueryable<ActivityType> types) =>
        types.AsNoTracking().Select(t => new TodaysName(
            t.Id,
            context.ActivityTypeVersions.Where(v => v.ActivityTypeId == t.Id && v.Number == t.LiveVersionNumber).Select(v => v.DisplayName).FirstOrDefault(),
            t.ApiName));
}
