using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.ActivityTypes;

/// <summary>What pages ask before offering an action: who may do what, and what approving a draft would break.</summary>
public sealed partial class ActivityTypeService
{
    /// <summary>Every action's answer for <paramref name="actor"/>, from the same checks the actions run; null when the type does not exist.</summary>
    public async Task<ActivityTypePermissions?> PermissionsAsync(Actor actor, string apiName, CancellationToken cancellationToken = default) =>
        (await GetForAsync(actor, apiName, cancellationToken))?.Can;

    /// <summary>
    /// What approving the pending draft would break for whoever relies on the live version: the breaking changes and the
    /// activities recorded with the type. Null when the type does not exist or has no draft.
    /// </summary>
    public Task<BreakingChangeImpact?> BreakingChangeImpactAsync(string apiName, CancellationToken cancellationToken = default) =>
        BreakingChangeImpactAsync(apiName, null, cancellationToken);

    /// <summary>The same, for a caller that already holds the type's activity count (the detail it shows), which is not counted again.</summary>
    public async Task<BreakingChangeImpact?> BreakingChangeImpactAsync(string apiName, long? knownActivityCount, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var type = await context.ActivityTypes.AsNoTracking().Include(t => t.Versions).SingleOrDefaultAsync(t => t.ApiName == apiName, cancellationToken);
        if (type?.PendingDraft is not { } draft)
        {
            return null;
        }
        var breaking = ActivityTypeDiff.Compare(type.LiveVersion is { } live ? VersionView.From(live) : null, VersionView.From(draft))
            .Where(e => e.Kind == ChangeKind.Breaking)
            .ToList();
        return new BreakingChangeImpact(breaking, knownActivityCount ?? await ActivityCountAsync(context, type.Id, cancellationToken));
    }

    private static Task<long> ActivityCountAsync(AppDbContext context, int typeId, CancellationToken cancellationToken) =>
        context.Activities.LongCountAsync(a => a.ActivityTypeId == typeId, cancellationToken);
}

/// <summary>
/// The breaking changes of a pending draft and what relies on the type today. Other features that rely on a type's
/// fields (smart lists, later) add their own counts here.
/// </summary>
public sealed record BreakingChangeImpact(IReadOnlyList<DiffEntry> BreakingChanges, long ActivityCount)
{
    public bool IsBreaking => BreakingChanges.Count > 0;
}
