using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using CustomActivities.Core.Results;

namespace CustomActivities.Core.ActivityTypes;

public sealed partial class ActivityTypeService
{
    public ActivityTypeOptions Limits => typeOptions.CurrentValue;

    /// <summary>
    /// Every rule a definition must satisfy, including unique names among the other types and, when editing,
    /// what cannot change after approval. The wizard calls this as the person types.
    /// </summary>
    public async Task<IReadOnlyList<Problem>> ValidateAsync(ActivityTypeDefinition definition, string? editingApiName = null,
        CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var editing = editingApiName is null ? null : await LoadAsync(context, editingApiName, cancellationToken);
        var errors = (await ValidateAsync(context, definition, editing, cancellationToken)).ToList();
        if (editing is not null)
        {
            errors.AddRange(editing.ChangesAllowedAfterApproval(definition));
        }
        return errors;
    }

    private async Task<IReadOnlyList<Problem>> ValidateAsync(AppDbContext context, ActivityTypeDefinition definition, ActivityType? editing,
        CancellationToken cancellationToken)
    {
        var errors = ActivityTypeRules.Validate(definition, typeOptions.CurrentValue.MaxSecondaryFields).ToList();
        var editingId = editing?.Id ?? 0;
        var apiName = definition.ApiName?.Trim() ?? "";
        if (apiName.Length > 0 && await context.ActivityTypes.AnyAsync(t => t.Id != editingId && t.ApiName == apiName, cancellationToken))
        {
            errors.Add(ApiNameTaken(apiName));
        }
        // Trigger and filter names of the other types' live versions and pending drafts.
        var others = await (from v in context.ActivityTypeVersions.IgnoreAutoIncludes()
                            join t in context.ActivityTypes on v.ActivityTypeId equals t.Id
                            where t.Id != editingId && (v.State == VersionState.Draft || v.Number == t.LiveVersionNumber)
                            select new { v.TriggerName, v.FilterName })
            .ToListAsync(cancellationToken);
        var trigger = definition.TriggerName?.Trim();
        var filter = definition.FilterName?.Trim();
        if (!string.IsNullOrEmpty(trigger) && others.Any(o => string.Equals(o.TriggerName, trigger, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new("triggerName", ActivityTypeErrorCodes.DuplicateTriggerName, $"Another activity type already uses the trigger name \"{trigger}\".")
            {
                Arguments = [trigger],
            });
        }
        if (!string.IsNullOrEmpty(filter) && others.Any(o => string.Equals(o.FilterName, filter, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new("filterName", ActivityTypeErrorCodes.DuplicateFilterName, $"Another activity type already uses the filter name \"{filter}\".")
            {
                Arguments = [filter],
            });
        }
        return errors;
    }

    private static Problem ApiNameTaken(string apiName) =>
        new("apiName", ActivityTypeErrorCodes.DuplicateApiName, $"Another activity type already has the API name \"{apiName}\".") { Arguments = [apiName] };

    public async Task<IReadOnlyList<ActivityTypeSummary>> ListAsync(ActivityTypeListQuery? query = null, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var matching = await MatchingAsync(context, query ?? new ActivityTypeListQuery(), cancellationToken);
        return (await WithActivityCountsAsync(context, matching, cancellationToken))
            .OrderBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// One page of the list, sorted as asked (ties broken by display name), with the number of matching types.
    /// Types are few (at most a few hundred, archived ones included), so the page is cut from the filtered list; activities are
    /// counted for the page's types only, unless the list is sorted by that count.
    /// </summary>
    public async Task<ActivityTypePage> PageAsync(ActivityTypePageQuery query, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var matching = await MatchingAsync(context, new ActivityTypeListQuery(query.Search, query.Status), cancellationToken);
        var byActivityCount = query.SortBy == ActivityTypeSort.ActivityCount;
        var candidates = byActivityCount ? await WithActivityCountsAsync(context, matching, cancellationToken) : matching;
        var sorted = query.SortBy switch
        {
            ActivityTypeSort.ApiName => Order(candidates, s => s.ApiName, query.Descending, StringComparer.OrdinalIgnoreCase),
            ActivityTypeSort.Status => Order(candidates, s => s.Status, query.Descending),
            ActivityTypeSort.FieldCount => Order(candidates, s => s.FieldCount, query.Descending),
            ActivityTypeSort.ActivityCount => Order(candidates, s => s.ActivityCount, query.Descending),
            ActivityTypeSort.UpdatedAt => Order(candidates, s => s.UpdatedAt, query.Descending),
            _ => Order(candidates, s => s.DisplayName, query.Descending, StringComparer.OrdinalIgnoreCase),
        };
        var take = Math.Clamp(query.Take, 1, 500);
        var page = sorted.ThenBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase).Skip(Math.Max(0, query.Skip)).Take(take).ToList();
        return new ActivityTypePage(byActivityCount ? page : await WithActivityCountsAsync(context, page, cancellationToken), matching.Count);
    }

    /// <summary>The types matching the search and status, their activity counts not filled in yet.</summary>
    private static async Task<List<ActivityTypeSummary>> MatchingAsync(AppDbContext context, ActivityTypeListQuery query, CancellationToken cancellationToken)
    {
        var types = await context.ActivityTypes.AsNoTracking().Include(t => t.Versions.Where(v => v.State != VersionState.Discarded))
            .ToListAsync(cancellationToken);
        var search = query.Search?.Trim();
        return types
            .Select(t => new ActivityTypeSummary(t.Id, t.ApiName, t.CurrentVersion.DisplayName, t.Status,
                t.CurrentVersion.Fields.Count, 0, t.UpdatedAt, t.UpdatedBy, t.PendingDraft?.CreatedAt))
            .Where(s => query.Status is null || s.Status == query.Status)
            .Where(s => string.IsNullOrEmpty(search)
                || s.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase)
                || s.ApiName.Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    private static async Task<List<ActivityTypeSummary>> WithActivityCountsAsync(AppDbContext context, List<ActivityTypeSummary> summaries,
        CancellationToken cancellationToken)
    {
        var counts = await ActivityCounts.ForTypesAsync(context, summaries.Select(s => s.Id), ActivityCounts.ListCap, cancellationToken);
        return summaries.Select(s => s with { ActivityCount = counts.GetValueOrDefault(s.Id) }).ToList();
    }

    private static IOrderedEnumerable<ActivityTypeSummary> Order<TKey>(IEnumerable<ActivityTypeSummary> items, Func<ActivityTypeSummary, TKey> key,
        bool descending, IComparer<TKey>? comparer = null) =>
        descending ? items.OrderByDescending(key, comparer) : items.OrderBy(key, comparer);

    public async Task<ActivityTypeDetail?> GetAsync(string apiName, CancellationToken cancellationToken = default) =>
        await LoadDetailAsync(apiName, (type, count) => Detail(type, count), cancellationToken);

    /// <summary>The detail page's one load: the type, its activity count and every action's answer for <paramref name="actor"/>.</summary>
    public async Task<ActivityTypeDetailFor?> GetForAsync(Actor actor, string apiName, CancellationToken cancellationToken = default) =>
        await LoadDetailAsync(apiName, (type, count) => new ActivityTypeDetailFor(Detail(type, count),
            type.PermissionsFor(actor, approvalOptions.CurrentValue.AllowsSelfApprovalBy(actor), hasActivities: count > 0)), cancellationToken);

    private async Task<T?> LoadDetailAsync<T>(string apiName, Func<ActivityType, long, T> view, CancellationToken cancellationToken) where T : class
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var type = await context.ActivityTypes.AsNoTracking().Include(t => t.Versions).SingleOrDefaultAsync(t => t.ApiName == apiName, cancellationToken);
        if (type is null)
        {
            return null;
        }
        return view(type, await ActivityCountAsync(context, type.Id, cancellationToken));
    }

    /// <summary>Every version, newest first: approved ones (kept forever), the pending draft and discarded drafts.</summary>
    public async Task<IReadOnlyList<VersionView>> VersionsAsync(string apiName, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await context.ActivityTypeVersions.AsNoTracking()
                .Where(v => context.ActivityTypes.Any(t => t.Id == v.ActivityTypeId && t.ApiName == apiName))
                .ToListAsync(cancellationToken))
            .OrderByDescending(v => v.Number)
            .Select(VersionView.From)
            .ToList();
    }

    /// <summary>Types with a draft waiting for an admin, oldest draft first, each with what <paramref name="actor"/> may do to it.</summary>
    public async Task<IReadOnlyList<ActivityTypeDetailFor>> PendingApprovalsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var types = await context.ActivityTypes.AsNoTracking().Include(t => t.Versions)
            .Where(t => !t.IsArchived && t.Versions.Any(v => v.State == VersionState.Draft))
            .ToListAsync(cancellationToken);
        var counts = await ActivityCounts.ForTypesAsync(context, types.Select(t => t.Id), ActivityCounts.Exact, cancellationToken);
        var allowSelfApproval = approvalOptions.CurrentValue.AllowsSelfApprovalBy(actor);
        return types.OrderBy(t => t.PendingDraft!.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new ActivityTypeDetailFor(Detail(t, counts.GetValueOrDefault(t.Id)),
                t.PermissionsFor(actor, allowSelfApproval, counts.GetValueOrDefault(t.Id) > 0)))
            .ToList();
    }

    public async Task<int> PendingApprovalCountAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ActivityTypes.CountAsync(t => !t.IsArchived && t.Versions.Any(v => v.State == VersionState.Draft), cancellationToken);
    }

    /// <summary>The JSON Schema of an approved version (the live one unless a number is given); null when there is none.</summary>
    public async Task<string?> ExportSchemaAsync(string apiName, int? versionNumber = null, CancellationToken cancellationToken = default)
    {
        var detail = await GetAsync(apiName, cancellationToken);
        if (detail?.Live is null)
        {
            return null;
        }
        var number = versionNumber ?? detail.Live.Number;
        var version = (await VersionsAsync(apiName, cancellationToken)).FirstOrDefault(v => v.Number == number && v.State == VersionState.Approved);
        return version is null ? null : ActivityTypeSchema.Export(detail.ApiName, version);
    }

    private static ActivityTypeDetail Detail(ActivityType type, long activityCount) => new(
        type.Id, type.ApiName, type.Status, type.ConcurrencyStamp,
        type.LiveVersion is { } live ? VersionView.From(live) : null,
        type.PendingDraft is { } draft ? VersionView.From(draft) : null,
        type.DraftEditedBy, activityCount, type.CreatedAt, type.CreatedBy, type.UpdatedAt, type.UpdatedBy);
}
