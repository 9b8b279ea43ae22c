using System.Globalization;
using CustomActivities.Core.Activities;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Lists;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.SmartLists;

/// <summary>A static list made from a smart list's members at one moment.</summary>
public sealed record StaticListSnapshot(int ListId, string ListName, int MemberCount);

/// <summary>
/// "Save the members as a static list": the smart list is evaluated once, then a new static list receives exactly those
/// people, each with Marketo's Add to List activity, all in one transaction: a failure or a crash leaves no list at
/// all rather than a half-filled one.
/// </summary>
public sealed class SmartListSnapshots(IDbContextFactory<AppDbContext> contextFactory, SmartListEvaluator evaluator, AuditLog auditLog,
    ICurrentActor currentActor, TimeProvider timeProvider)
{
    /// <summary>Members written per SaveChanges, so a list of a million people never sits in one change tracker.</summary>
    public const int BatchSize = 2_000;

    public async Task<Result<StaticListSnapshot>> SaveAsStaticListAsync(SmartListQuery query, string listName, string? description,
        TimeZoneInfo? zone = null, CancellationToken cancellationToken = default)
    {
        if (StaticListService.ValidateName(listName) is { } invalidName)
        {
            return Result.Failure<StaticListSnapshot>(invalidName);
        }
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (description is { Length: > StaticList.MaxDescriptionLength })
        {
            return Result.Failure<StaticListSnapshot>(CommonProblems.TooLongFor("description", StaticList.MaxDescriptionLength));
        }
        var evaluated = await evaluator.MemberIdsAsync(query, zone, cancellationToken);
        if (evaluated is not { Succeeded: true, Value: { } members })
        {
            return Result.Failure<StaticListSnapshot>(evaluated.Problems);
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var list = new StaticList { Name = listName.Trim(), Description = description };
        context.StaticLists.Add(list);
        if (!await context.TrySaveUniqueAsync(cancellationToken))
        {
            return Result.Failure<StaticListSnapshot>(StaticListErrors.NameTakenBy(list.Name));
        }
        var id = list.Id.ToString(CultureInfo.InvariantCulture);
        auditLog.Record(context, actor, AuditActions.StaticListCreated, StaticListService.AuditEntityType, id, list.Name, null,
            new { list.Name, list.Description });
        await context.SaveChangesAsync(cancellationToken);
        var added = 0;
        foreach (var chunk in members.Chunk(BatchSize))
        {
            context.ChangeTracker.Clear();
            // Someone deleted since the evaluation is no longer a member to add.
            var batch = await context.People.Where(p => chunk.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
            context.StaticListMembers.AddRange(batch.Select(personId => new StaticListMember { ListId = list.Id, PersonId = personId, AddedAt = now }));
            context.Activities.AddRange(batch.Select(personId => StandardActivities.ListMembership(added: true, personId, list, now)));
            await context.SaveChangesAsync(cancellationToken);
            added += batch.Count;
        }
        context.ChangeTracker.Clear();
        auditLog.Record(context, actor, AuditActions.StaticListMembersAdded, StaticListService.AuditEntityType, id, list.Name, null,
            new { Count = added });
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Succeed(new StaticListSnapshot(list.Id, list.Name, added));
    }
}
