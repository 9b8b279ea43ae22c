using System.Globalization;
using CustomActivities.Core.Activities;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.People;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Lists;

/// <summary>
/// Who is on a static list: add and remove people (each change records Marketo's Add to List / Remove from List activity
/// and one audit entry per call), membership checks, and member pages that stay fast on a list of a million people.
/// </summary>
public sealed class StaticListMembership(IDbContextFactory<AppDbContext> contextFactory, AuditLog auditLog, ICurrentActor currentActor,
    TimeProvider timeProvider)
{
    /// <summary>Marketo's limit of lead ids per membership call.</summary>
    public const int MaxIdsPerCall = 300;

    /// <summary>
    /// Adds the people to the list, answering per id in the order sent (a repeated id is answered once): "added", also
    /// for someone already on the list (nothing changes then), or "skipped" with 1004 for an id that is no person.
    /// Null when the list does not exist.
    /// </summary>
    public Task<IReadOnlyList<MembershipResult>?> AddAsync(int listId, IReadOnlyList<int> personIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(listId, personIds, adding: true, cancellationToken);

    /// <summary>Removes the people: "removed", or "skipped" with 1015 (not on the list) or 1004 (no such person). Null when the list does not exist.</summary>
    public Task<IReadOnlyList<MembershipResult>?> RemoveAsync(int listId, IReadOnlyList<int> personIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(listId, personIds, adding: false, cancellationToken);

    /// <summary>"memberof", "notmemberof", or "skipped" with 1004. Null when the list does not exist.</summary>
    public async Task<IReadOnlyList<MembershipResult>?> IsMemberAsync(int listId, IReadOnlyList<int> personIds, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await context.StaticLists.AnyAsync(l => l.Id == listId, cancellationToken))
        {
            return null;
        }
        var ids = personIds.Distinct().ToList();
        var people = await context.People.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var members = await context.StaticListMembers.Where(m => m.ListId == listId && ids.Contains(m.PersonId)).Select(m => m.PersonId).ToListAsync(cancellationToken);
        return [.. ids.Select(id => !people.Contains(id) ? NotFound(id)
            : new MembershipResult(id, members.Contains(id) ? MembershipStatus.MemberOf : MembershipStatus.NotMemberOf))];
    }

    /// <summary>Members in person id order after <paramref name="afterPersonId"/> (by key: the API's pages).</summary>
    public async Task<MemberPage> MembersAfterAsync(int listId, int afterPersonId, int take, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.StaticListMembers.AsNoTracking()
            .Where(m => m.ListId == listId && m.PersonId > afterPersonId)
            .OrderBy(m => m.PersonId)
            .Take(take + 1)
            .Join(context.People.AsNoTracking(), m => m.PersonId, p => p.Id, (m, p) => p)
            .ToListAsync(cancellationToken);
        var page = rows.OrderBy(p => p.Id).Take(take).ToList();
        return new MemberPage(page, rows.Count > take ? page[^1].Id : null);
    }

    /// <summary>
    /// One page of members for the members grid, in person id order, with a count that stops a few pages ahead (as the
    /// People grid's does): both read the list's range of the (ListId, PersonId) key, never the whole table.
    /// </summary>
    public async Task<PeopleResult> MembersPageAsync(int listId, int skip, int take, CancellationToken cancellationToken = default)
    {
        take = Math.Clamp(take, 1, 500);
        skip = Math.Max(0, skip);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var members = context.StaticListMembers.AsNoTracking().Where(m => m.ListId == listId);
        var cap = Math.Max(PeopleService.MinimumCountCap, skip + take * PeopleService.CountPagesAhead);
        var count = await members.Take(cap + 1).CountAsync(cancellationToken);
        var rows = await members.OrderBy(m => m.PersonId).Skip(skip).Take(take)
            .Join(context.People.AsNoTracking(), m => m.PersonId, p => p.Id,
                (m, p) => new PersonRow(p.Id, p.Email, p.FirstName, p.LastName, p.Company, p.CreatedAt, p.LastActivityAt))
            .ToListAsync(cancellationToken);
        return new PeopleResult([.. rows.OrderBy(r => r.Id)], Math.Min(count, cap), count > cap);
    }

    /// <summary>The lists a person is on, by name (the person page).</summary>
    public async Task<IReadOnlyList<StaticListView>> ListsOfAsync(int personId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.StaticListMembers.AsNoTracking().Where(m => m.PersonId == personId)
            .Join(context.StaticLists.AsNoTracking(), m => m.ListId, l => l.Id, (m, l) => l)
            .OrderBy(l => l.Name)
            .Select(l => new StaticListView(l.Id, l.Name, l.Description, l.CreatedAt, l.UpdatedAt, l.UpdatedBy))
            .ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<MembershipResult>?> ChangeAsync(int listId, IReadOnlyList<int> personIds, bool adding, CancellationToken cancellationToken)
    {
        if (personIds.Count > MaxIdsPerCall)
        {
            throw new ArgumentException($"At most {MaxIdsPerCall} ids per call.", nameof(personIds));
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = await context.StaticLists.FirstOrDefaultAsync(l => l.Id == listId, cancellationToken);
        if (list is null)
        {
            return null;
        }
        var ids = personIds.Distinct().ToList();
        var people = (await context.People.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var members = (await context.StaticListMembers.Where(m => m.ListId == listId && ids.Contains(m.PersonId)).Select(m => m.PersonId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var results = new List<MembershipResult>(ids.Count);
        var changed = new List<int>();
        foreach (var id in ids)
        {
            if (!people.Contains(id))
            {
                results.Add(NotFound(id));
            }
            else if (adding)
            {
                results.Add(new MembershipResult(id, MembershipStatus.Added));
                if (!members.Contains(id))
                {
                    context.StaticListMembers.Add(new StaticListMember { ListId = listId, PersonId = id, AddedAt = now });
                    changed.Add(id);
                }
            }
            else if (members.Contains(id))
            {
                results.Add(new MembershipResult(id, MembershipStatus.Removed));
                context.StaticListMembers.Remove(new StaticListMember { ListId = listId, PersonId = id });
                changed.Add(id);
            }
            else
            {
                results.Add(new MembershipResult(id, MembershipStatus.Skipped, new Reason(MembershipCodes.NotInList, "Lead not in list")));
            }
        }
        if (changed.Count > 0)
        {
            context.Activities.AddRange(changed.Select(id => StandardActivities.ListMembership(adding, id, list, now)));
            auditLog.Record(context, actor, adding ? AuditActions.StaticListMembersAdded : AuditActions.StaticListMembersRemoved,
                StaticListService.AuditEntityType, list.Id.ToString(CultureInfo.InvariantCulture), list.Name,
                null, new { PersonIds = changed });
            await context.SaveChangesAsync(cancellationToken);
        }
        return results;
    }

    private static MembershipResult NotFound(int id) =>
        new(id, MembershipStatus.Skipped, new Reason(MembershipCodes.LeadNotFound, "Lead not found"));
}
