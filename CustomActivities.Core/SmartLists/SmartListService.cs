using System.Globalization;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.SmartLists;

public sealed record SmartListSummary(int Id, string Name, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>A saved list as opened: its query, or the problems that keep a stored definition from being read.</summary>
public sealed record SavedSmartList(int Id, string Name, SmartListQuery Query, IReadOnlyList<Problem> Problems, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>Saved smart lists: create, update, rename, duplicate, delete (each audited), list and open them.</summary>
public sealed class SmartListService(IDbContextFactory<AppDbContext> contextFactory, SmartListCatalog catalog, AuditLog auditLog, ICurrentActor currentActor)
{
    public const string AuditEntityType = AuditEntityTypes.SmartList;

    public static Problem? ValidateName(string? name) => CommonProblems.ValidateName(name, SmartList.MaxNameLength);

    public async Task<IReadOnlyList<SmartListSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.SmartLists.AsNoTracking().OrderBy(l => l.Name)
            .Select(l => new SmartListSummary(l.Id, l.Name, l.UpdatedAt, l.UpdatedBy)).ToListAsync(cancellationToken);
    }

    public async Task<SavedSmartList?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = await context.SmartLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (list is null)
        {
            return null;
        }
        var read = SmartListJson.Deserialize(list.Definition);
        return new SavedSmartList(list.Id, list.Name, read.Value ?? SmartListQuery.Empty, read.Problems, list.UpdatedAt, list.UpdatedBy);
    }

    /// <summary>The saved lists whose filters refer to the activity type (where used).</summary>
    public async Task<IReadOnlyList<SmartListSummary>> UsingActivityTypeAsync(int activityTypeId, CancellationToken cancellationToken = default) =>
        [.. (await UsagesOfTypeAsync(activityTypeId, cancellationToken)).Select(u => u.List)];

    /// <summary>The saved lists whose filters refer to the activity type, each with the type's fields it constrains (what a change would break).</summary>
    public async Task<IReadOnlyList<SmartListUsage>> UsagesOfTypeAsync(int activityTypeId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var lists = await context.SmartLists.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);
        var usages = new List<SmartListUsage>();
        foreach (var list in lists)
        {
            var filters = SmartListJson.Deserialize(list.Definition).Value?.Filters
                .Where(f => f.Kind == SmartListFilterKind.Activity && f.ActivityTypeId == activityTypeId).ToList() ?? [];
            if (filters.Count > 0)
            {
                usages.Add(new SmartListUsage(new SmartListSummary(list.Id, list.Name, list.UpdatedAt, list.UpdatedBy),
                    filters.SelectMany(f => f.ConstraintList).Select(c => c.Field).ToHashSet(StringComparer.Ordinal)));
            }
        }
        return usages;
    }

    /// <summary>
    /// Saves a new list (<paramref name="id"/> null) or replaces a saved list's name and rules; only a valid query is saved (else
    /// the query's problems, see <see cref="SmartListProblems"/>). The value is the list's id.
    /// </summary>
    public async Task<Result<int>> SaveAsync(int? id, string name, SmartListQuery query, CancellationToken cancellationToken = default)
    {
        if (ValidateName(name) is { } invalidName)
        {
            return Result.Failure<int>(invalidName);
        }
        var validation = SmartListValidator.Validate(query, await catalog.LoadAsync(cancellationToken));
        if (!validation.IsValid)
        {
            return Result.Failure<int>(validation.Problems);
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var definition = SmartListJson.Serialize(query);
        SmartList? list;
        object? before = null;
        if (id is { } existing)
        {
            list = await context.SmartLists.FirstOrDefaultAsync(l => l.Id == existing, cancellationToken);
            if (list is null)
            {
                return Result.Failure<int>(SmartListProblems.NotFoundFor(existing));
            }
            before = Snapshot(list);
            list.Name = name.Trim();
            list.Definition = definition;
        }
        else
        {
            list = new SmartList { Name = name.Trim(), Definition = definition };
            context.SmartLists.Add(list);
        }
        return await SaveAuditedAsync(context, list, actor, id is null ? AuditActions.SmartListCreated : AuditActions.SmartListUpdated, before, cancellationToken);
    }

    public async Task<Result<int>> RenameAsync(int id, string name, CancellationToken cancellationToken = default)
    {
        if (ValidateName(name) is { } invalid)
        {
            return Result.Failure<int>(invalid);
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = await context.SmartLists.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (list is null)
        {
            return Result.Failure<int>(SmartListProblems.NotFoundFor(id));
        }
        var before = Snapshot(list);
        list.Name = name.Trim();
        return await SaveAuditedAsync(context, list, actor, AuditActions.SmartListRenamed, before, cancellationToken);
    }

    /// <summary>A copy named "<paramref name="name"/>" with the same rules (stored as they are, even if they no longer validate).</summary>
    public async Task<Result<int>> DuplicateAsync(int id, string name, CancellationToken cancellationToken = default)
    {
        if (ValidateName(name) is { } invalid)
        {
            return Result.Failure<int>(invalid);
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await context.SmartLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (source is null)
        {
            return Result.Failure<int>(SmartListProblems.NotFoundFor(id));
        }
        var copy = new SmartList { Name = name.Trim(), Definition = source.Definition };
        context.SmartLists.Add(copy);
        return await SaveAuditedAsync(context, copy, actor, AuditActions.SmartListDuplicated, new { DuplicateOf = source.Name }, cancellationToken);
    }

    public async Task<Result<int>> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = await context.SmartLists.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (list is null)
        {
            return Result.Failure<int>(SmartListProblems.NotFoundFor(id));
        }
        context.SmartLists.Remove(list);
        auditLog.Record(context, actor, AuditActions.SmartListDeleted, AuditEntityType, Id(list), list.Name, Snapshot(list), null);
        await context.SaveChangesAsync(cancellationToken);
        return Result.Succeed(id);
    }

    /// <summary>Saves the list, then its audit entry, in one transaction; a name already taken is an answer, not an exception.</summary>
    private async Task<Result<int>> SaveAuditedAsync(AppDbContext context, SmartList list, Actor actor, string action, object? before,
        CancellationToken cancellationToken)
    {
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (!await context.TrySaveUniqueAsync(cancellationToken))
        {
            return Result.Failure<int>(SmartListProblems.NameTakenBy(list.Name));
        }
        auditLog.Record(context, actor, action, AuditEntityType, Id(list), list.Name, before, Snapshot(list));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Succeed(list.Id);
    }

    private static string Id(SmartList list) => list.Id.ToString(CultureInfo.InvariantCulture);

    private static object Snapshot(SmartList list) => new { list.Name, list.Definition };
}
