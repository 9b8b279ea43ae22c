using System.Globalization;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Lists;

/// <summary>
/// Static lists: create, rename, delete (audited), and read them for the Lists page and Marketo's Lists API.
/// Membership lives in <see cref="StaticListMembership"/>.
/// </summary>
public sealed class StaticListService(IDbContextFactory<AppDbContext> contextFactory, AuditLog auditLog, ICurrentActor currentActor)
{
    public const string AuditEntityType = AuditEntityTypes.StaticList;

    /// <summary>Member counts stop here: counting a million-row list on every screen costs more than the screen.</summary>
    public const int MemberCountCap = 10_000;

    /// <summary>The rule a name breaks, or null (also used by the UI before it saves).</summary>
    public static Problem? ValidateName(string? name) => CommonProblems.ValidateName(name, StaticList.MaxNameLength);

    public async Task<Result<int>> CreateAsync(string name, string? description = null, CancellationToken cancellationToken = default)
    {
        if (ValidateName(name) is { } invalid)
        {
            return Result.Failure<int>(invalid);
        }
        if (description is { Length: > StaticList.MaxDescriptionLength })
        {
            return Result.Failure<int>(CommonProblems.TooLongFor("description", StaticList.MaxDescriptionLength));
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = new StaticList { Name = name.Trim(), Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim() };
        context.StaticLists.Add(list);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (!await context.TrySaveUniqueAsync(cancellationToken))
        {
            return Result.Failure<int>(StaticListErrors.NameTakenBy(list.Name));
        }
        auditLog.Record(context, actor, AuditActions.StaticListCreated, AuditEntityType, Id(list), list.Name, null, Snapshot(list));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Succeed(list.Id);
    }

    public async Task<Result<int>> RenameAsync(int id, string name, CancellationToken cancellationToken = default)
    {
        if (ValidateName(name) is { } invalid)
        {
            return Result.Failure<int>(invalid);
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = await context.StaticLists.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (list is null)
        {
            return Result.Failure<int>(StaticListErrors.NotFoundFor(id));
        }
        var before = Snapshot(list);
        list.Name = name.Trim();
        auditLog.Record(context, actor, AuditActions.StaticListRenamed, AuditEntityType, Id(list), list.Name, before, Snapshot(list));
        return await context.TrySaveUniqueAsync(cancellationToken) ? Result.Succeed(id) : Result.Failure<int>(StaticListErrors.NameTakenBy(list.Name));
    }

    /// <summary>Deletes the list and its memberships; the Add to List / Remove from List activities stay in the timelines.</summary>
    public async Task<Result<int>> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = await context.StaticLists.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (list is null)
        {
            return Result.Failure<int>(StaticListErrors.NotFoundFor(id));
        }
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var members = await context.StaticListMembers.Where(m => m.ListId == id).ExecuteDeleteAsync(cancellationToken);
        context.StaticLists.Remove(list);
        auditLog.Record(context, actor, AuditActions.StaticListDeleted, AuditEntityType, Id(list), list.Name,
            new { list.Name, list.Description, Members = members }, null);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Succeed(id);
    }

    public async Task<StaticListView?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.StaticLists.AsNoTracking().Where(l => l.Id == id).Select(View).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> ExistsAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.StaticLists.AnyAsync(l => l.Id == id, cancellationToken);
    }

    /// <summary>
    /// Lists in id order after <paramref name="afterId"/>, filtered by ids and/or exact names (Marketo's lists.json);
    /// one more than <paramref name="take"/> is read to tell whether another page follows.
    /// </summary>
    public async Task<(IReadOnlyList<StaticListView> Lists, bool More)> QueryAsync(IReadOnlyCollection<int> ids, IReadOnlyCollection<string> names,
        int afterId, int take, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var lists = context.StaticLists.AsNoTracking().Where(l => l.Id > afterId);
        if (ids.Count > 0)
        {
            lists = lists.Where(l => ids.Contains(l.Id));
        }
        if (names.Count > 0)
        {
            lists = lists.Where(l => names.Contains(l.Name));
        }
        var rows = await lists.OrderBy(l => l.Id).Take(take + 1).Select(View).ToListAsync(cancellationToken);
        return (rows.Take(take).ToList(), rows.Count > take);
    }

    /// <summary>Every list with its member count (capped), by name: the Lists page (lists are few; members are not).</summary>
    public async Task<IReadOnlyList<StaticListSummary>> SummariesAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        // One query: each list's count is a correlated subquery that stops reading its members past the cap.
        var rows = await context.StaticLists.AsNoTracking().OrderBy(l => l.Name)
            .Select(l => new
            {
                List = new StaticListView(l.Id, l.Name, l.Description, l.CreatedAt, l.UpdatedAt, l.UpdatedBy),
                Count = context.StaticListMembers.Where(m => m.ListId == l.Id).Take(MemberCountCap + 1).Count(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new StaticListSummary(r.List, Math.Min(r.Count, MemberCountCap), r.Count > MemberCountCap))];
    }

    /// <summary>Every list by name, without member counts (the pickers that add people to a list).</summary>
    public async Task<IReadOnlyList<StaticListView>> NamesAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.StaticLists.AsNoTracking().OrderBy(l => l.Name).Select(View).ToListAsync(cancellationToken);
    }

    /// <summary>The lists, by name, that the person is not on: where a person's page offers to add them.</summary>
    public async Task<IReadOnlyList<StaticListView>> ListsNotContainingAsync(int personId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.StaticLists.AsNoTracking()
            .Where(l => !context.StaticListMembers.Any(m => m.ListId == l.Id && m.PersonId == personId))
            .OrderBy(l => l.Name).Select(View).ToListAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<StaticList, StaticListView>> View =
        l => new StaticListView(l.Id, l.Name, l.Description, l.CreatedAt, l.UpdatedAt, l.UpdatedBy);

    private static string Id(StaticList list) => list.Id.ToString(CultureInfo.InvariantCulture);

    private static object Snapshot(StaticList list) => new { list.Name, list.Description };
}
