using CustomActivities.Core.Activities;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Lists;
using CustomActivities.Core.Results;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Tests.Unit.SmartLists;

public sealed class SmartListSnapshotTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly SmartListQuery AtAcme = new([SmartListFilter.Attribute(PersonAttributes.Company, ConstraintOperator.Is, "Acme")]);

    private static async Task<(CoreTestHost Host, Dictionary<string, int> People)> HostAsync(int acmePeople = 2)
    {
        var host = await new CoreTestHostBuilder().BuildAsync();
        await using var context = host.NewContext();
        var people = Enumerable.Range(1, acmePeople).Select(i => A.Person.WithEmail($"acme{i}@x.com").AtCompany("Acme").Build())
            .Append(A.Person.WithEmail("bob@y.org").AtCompany("Globex").Build()).ToList();
        context.People.AddRange(people);
        await context.SaveChangesAsync(Ct);
        return (host, people.ToDictionary(p => p.Email, p => p.Id));
    }

    [Fact]
    public async Task The_members_now_become_a_new_static_list_each_with_an_add_to_list_activity_and_the_creation_is_audited()
    {
        var (host, people) = await HostAsync();
        await using var _ = host;

        var saved = await host.Get<SmartListSnapshots>().SaveAsStaticListAsync(AtAcme, " Acme today ", "Acme people on 30 Nov", cancellationToken: Ct);

        Assert.True(saved.Succeeded);
        Assert.Equal(("Acme today", 2), (saved.Value!.ListName, saved.Value.MemberCount));
        await using var context = host.NewContext();
        var list = await context.StaticLists.SingleAsync(Ct);
        Assert.Equal(("Acme today", "Acme people on 30 Nov"), (list.Name, list.Description));
        Assert.Equal([people["acme1@x.com"], people["acme2@x.com"]],
            await context.StaticListMembers.Where(m => m.ListId == list.Id).OrderBy(m => m.PersonId).Select(m => m.PersonId).ToListAsync(Ct));
        var added = await context.Activities.Where(a => a.ActivityTypeId == StandardActivityTypes.AddToList).ToListAsync(Ct);
        Assert.Equal([people["acme1@x.com"], people["acme2@x.com"]], added.Select(a => a.PersonId).Order());
        Assert.All(added, a => Assert.Equal(("Acme today", (long?)list.Id), (a.PrimaryValue, a.PrimaryValueId)));
        Assert.All(await context.People.Where(p => p.Company == "Acme").ToListAsync(Ct), p => Assert.Equal(added[0].OccurredAt, p.LastActivityAt));
        Assert.Null((await context.People.SingleAsync(p => p.Company == "Globex", Ct)).LastActivityAt);
        Assert.Equal([AuditActions.StaticListCreated, AuditActions.StaticListMembersAdded],
            await context.AuditEntries.Where(e => e.EntityType == AuditEntityTypes.StaticList).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_list_larger_than_one_batch_is_written_whole_and_the_feed_hears_of_every_member_once()
    {
        var (host, _) = await HostAsync(acmePeople: SmartListSnapshots.BatchSize + 7);
        await using var _ = host;
        // A batch of more people than one live-update message carries is heard as several messages.
        var heard = new Dictionary<int, int>();
        host.Get<ActivityFeed>().Added += added =>
        {
            foreach (var (person, count) in added.CountByPerson)
            {
                heard[person] = heard.GetValueOrDefault(person) + count;
            }
        };

        var saved = await host.Get<SmartListSnapshots>().SaveAsStaticListAsync(AtAcme, "Big", null, cancellationToken: Ct);

        Assert.Equal(SmartListSnapshots.BatchSize + 7, saved.Value!.MemberCount);
        await using var context = host.NewContext();
        Assert.Equal(SmartListSnapshots.BatchSize + 7, await context.StaticListMembers.CountAsync(Ct));
        Assert.Equal(0, await context.People.CountAsync(p => p.Company == "Acme" && p.LastActivityAt == null, Ct));
        Assert.Equal(SmartListSnapshots.BatchSize + 7, heard.Count);
        Assert.All(heard.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_taken_or_empty_name_or_an_invalid_list_saves_nothing_and_says_why()
    {
        var (host, _) = await HostAsync();
        await using var _ = host;
        await host.Get<StaticListService>().CreateAsync("Customers", null, Ct);
        var snapshots = host.Get<SmartListSnapshots>();

        var taken = await snapshots.SaveAsStaticListAsync(AtAcme, "CUSTOMERS", null, cancellationToken: Ct);
        var empty = await snapshots.SaveAsStaticListAsync(AtAcme, " ", null, cancellationToken: Ct);
        var invalid = await snapshots.SaveAsStaticListAsync(SmartListQuery.Empty, "Nobody", null, cancellationToken: Ct);

        Assert.Equal((StaticListErrors.NameTaken, ProblemKind.Conflict), (Assert.Single(taken.Problems).Code, taken.Kind));
        Assert.Equal(("name", StaticListErrors.Required), (Assert.Single(empty.Problems).Field, empty.Problems[0].Code));
        Assert.Equal(SmartListProblems.NoFilters, Assert.Single(invalid.Problems).Code);
        await using var context = host.NewContext();
        Assert.Equal(["Customers"], await context.StaticLists.Select(l => l.Name).ToListAsync(Ct));
        Assert.Equal(0, await context.StaticListMembers.CountAsync(Ct));
        Assert.Equal(0, await context.Activities.CountAsync(Ct));
    }
}
