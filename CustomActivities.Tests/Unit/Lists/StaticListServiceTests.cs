using CustomActivities.Core.Results;
using CustomActivities.Core.Activities;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Lists;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Tests.Unit.Lists;

public sealed class StaticListServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Names_are_required_unique_ignoring_case_and_every_change_is_audited()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var lists = host.Get<StaticListService>();

        var first = await lists.CreateAsync("Webinar leads", null, Ct);
        var duplicate = await lists.CreateAsync("WEBINAR leads", null, Ct);
        var empty = await lists.CreateAsync("  ", null, Ct);
        var second = await lists.CreateAsync("Trade show", null, Ct);
        var renamedOntoTaken = await lists.RenameAsync(second.Value, "webinar leads", Ct);
        var renamed = await lists.RenameAsync(second.Value, "Trade show 2026", Ct);
        var deleted = await lists.DeleteAsync(first.Value, Ct);
        var missing = await lists.DeleteAsync(first.Value, Ct);

        Assert.True(first.Succeeded);
        Assert.True(duplicate.Has(StaticListErrors.NameTaken));
        Assert.Equal(ProblemKind.Conflict, duplicate.Kind);
        Assert.Equal(("name", StaticListErrors.Required), (empty.Problems[0].Field, empty.Problems[0].Code));
        Assert.True(second.Succeeded);
        Assert.True(renamedOntoTaken.Has(StaticListErrors.NameTaken));
        Assert.True(renamed.Succeeded);
        Assert.True(deleted.Succeeded);
        Assert.Equal(ProblemKind.NotFound, missing.Kind);
        Assert.Equal(["Trade show 2026"], (await lists.SummariesAsync(Ct)).Select(s => s.List.Name));
        await using var context = host.NewContext();
        Assert.Equal([AuditActions.StaticListCreated, AuditActions.StaticListCreated, AuditActions.StaticListRenamed, AuditActions.StaticListDeleted],
            await context.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task Membership_changes_answer_per_id_record_list_activities_and_are_audited()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var list = (await host.Get<StaticListService>().CreateAsync("Customers", null, Ct)).Value;
        await using var context = host.NewContext();
        var ada = A.Person.WithEmail("ada@example.com").Build();
        var bob = A.Person.WithEmail("bob@example.com").Build();
        context.People.AddRange(ada, bob);
        await context.SaveChangesAsync(Ct);
        var members = host.Get<StaticListMembership>();

        var added = await members.AddAsync(list, [ada.Id, ada.Id, 999], Ct);
        var addedAgain = await members.AddAsync(list, [ada.Id], Ct);
        var removed = await members.RemoveAsync(list, [ada.Id, bob.Id], Ct);
        var unknownList = await members.AddAsync(list + 1, [ada.Id], Ct);

        Assert.Equal([(ada.Id, "added"), (999, "skipped")], added!.Select(r => (r.Id, r.Status)));
        Assert.Equal("1004", added![1].Reason!.Code);
        Assert.Equal(MembershipStatus.Added, Assert.Single(addedAgain!).Status);
        Assert.Equal([MembershipStatus.Removed, MembershipStatus.Skipped], removed!.Select(r => r.Status));
        Assert.Equal(MembershipCodes.NotInList, removed![1].Reason!.Code);
        Assert.Null(unknownList);
        Assert.Equal([StandardActivityTypes.AddToList, StandardActivityTypes.RemoveFromList],
            await context.Activities.Where(a => a.PersonId == ada.Id).OrderBy(a => a.Id).Select(a => a.ActivityTypeId).ToListAsync(Ct));
        Assert.Equal(2, await context.AuditEntries.CountAsync(e => e.EntityType == StaticListService.AuditEntityType && e.Action != AuditActions.StaticListCreated, Ct));
    }

    [Fact]
    public async Task Summaries_count_each_lists_members_and_the_pickers_read_names_only()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var lists = host.Get<StaticListService>();
        var customers = (await lists.CreateAsync("Customers", null, Ct)).Value;
        var prospects = (await lists.CreateAsync("Prospects", null, Ct)).Value;
        await lists.CreateAsync("Archive", null, Ct);
        await using var context = host.NewContext();
        var ada = A.Person.WithEmail("ada@example.com").Build();
        var bob = A.Person.WithEmail("bob@example.com").Build();
        context.People.AddRange(ada, bob);
        await context.SaveChangesAsync(Ct);
        var members = host.Get<StaticListMembership>();
        await members.AddAsync(customers, [ada.Id, bob.Id], Ct);
        await members.AddAsync(prospects, [bob.Id], Ct);

        var summaries = await lists.SummariesAsync(Ct);

        Assert.Equal([("Archive", 0, false), ("Customers", 2, false), ("Prospects", 1, false)],
            summaries.Select(s => (s.List.Name, s.MemberCount, s.CountIsCapped)));
        Assert.Equal(["Archive", "Customers", "Prospects"], (await lists.NamesAsync(Ct)).Select(l => l.Name));
        Assert.Equal(["Archive", "Prospects"], (await lists.ListsNotContainingAsync(ada.Id, Ct)).Select(l => l.Name));
        Assert.Equal(["Archive"], (await lists.ListsNotContainingAsync(bob.Id, Ct)).Select(l => l.Name));
    }

    [Fact]
    public async Task Adding_to_a_list_moves_the_last_activity_forward_only_and_tells_the_feed()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var list = (await host.Get<StaticListService>().CreateAsync("Customers", null, Ct)).Value;
        await using var context = host.NewContext();
        var later = host.Clock.GetUtcNow().AddDays(3);
        var ada = A.Person.WithEmail("ada@example.com").Build();
        var bob = A.Person.WithEmail("bob@example.com").Build();
        bob.LastActivityAt = later;
        context.People.AddRange(ada, bob);
        await context.SaveChangesAsync(Ct);
        ActivitiesAdded? heard = null;
        host.Get<ActivityFeed>().Added += added => heard = added;

        await host.Get<StaticListMembership>().AddAsync(list, [ada.Id, bob.Id], Ct);

        await using var after = host.NewContext();
        var added = await after.Activities.Where(a => a.ActivityTypeId == StandardActivityTypes.AddToList).ToDictionaryAsync(a => a.PersonId, a => a.OccurredAt, Ct);
        var lastActivity = await after.People.ToDictionaryAsync(p => p.Id, p => p.LastActivityAt, Ct);
        Assert.Equal(added[ada.Id], lastActivity[ada.Id]);
        Assert.Equal(later, lastActivity[bob.Id]);
        Assert.Equal(new Dictionary<int, int> { [ada.Id] = 1, [bob.Id] = 1 }, heard!.CountByPerson);
    }
}
