using CustomActivities.Core.Activities;
using CustomActivities.Core.People;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Tests.Unit.People;

public sealed class PeopleServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_matches_a_case_insensitive_prefix_of_email_name_or_company()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        await SeedAsync(host,
            A.Person.WithEmail("ada@lovelace.org").Named("Ada", "Lovelace").AtCompany("Analytical Engines"),
            A.Person.WithEmail("grace@navy.mil").Named("Grace", "Hopper").AtCompany("Compilers Inc"),
            A.Person.WithEmail("adam@smith.com").Named("Adam", "Smith").AtCompany("Wealth"),
            A.Person.WithEmail("zed@zulu.com").Named("Zed", "Adams").AtCompany("Zulu"));
        var people = host.Get<PeopleService>();
        async Task<string[]> Emails(string search, PeopleSearchField field = PeopleSearchField.Any) =>
            [.. (await people.SearchAsync(new PeopleQuery(search, field), Ct)).Rows.Select(r => r.Email)];

        Assert.Equal(["ada@lovelace.org", "adam@smith.com", "zed@zulu.com"], await Emails("ADA"));
        Assert.Equal(["ada@lovelace.org", "adam@smith.com"], await Emails("Ada", PeopleSearchField.Email));
        Assert.Equal(["ada@lovelace.org"], await Emails("ada@"));
        Assert.Equal(["ada@lovelace.org", "adam@smith.com", "zed@zulu.com"], await Emails("ad", PeopleSearchField.Name));
        Assert.Equal(["grace@navy.mil"], await Emails("compil", PeopleSearchField.Company));
        Assert.Equal(["grace@navy.mil"], await Emails("grace hop"));
        Assert.Equal(["zed@zulu.com"], await Emails("Z"));
        Assert.Empty(await Emails("nobody"));
    }

    [Fact]
    public async Task Creating_a_person_moves_its_last_activity_and_tells_the_feed_of_the_new_lead()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        ActivitiesAdded? heard = null;
        host.Get<ActivityFeed>().Added += added => heard = added;

        var created = await host.Get<PeopleService>().CreateAsync(new PersonInput { Email = "ada@example.com" }, Ct);

        await using var context = host.NewContext();
        var newLead = await context.Activities.SingleAsync(a => a.PersonId == created.Value, Ct);
        Assert.Equal(StandardActivityTypes.NewLead, newLead.ActivityTypeId);
        Assert.Equal(newLead.OccurredAt, (await context.People.SingleAsync(p => p.Id == created.Value, Ct)).LastActivityAt);
        Assert.Equal(1, heard!.CountByPerson[created.Value]);
    }

    [Fact]
    public async Task Pages_sort_by_name_email_created_or_last_activity_without_overlap_and_cap_the_count()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var builders = Enumerable.Range(0, 1200).Select(i => A.Person.WithEmail($"p{i:D4}@example.com").Named("N", $"L{1199 - i:D4}")).ToArray();
        await SeedAsync(host, builders);
        var people = host.Get<PeopleService>();

        var first = await people.SearchAsync(new PeopleQuery(Sort: PeopleSort.Name, Skip: 0, Take: 25), Ct);
        var second = await people.SearchAsync(new PeopleQuery(Sort: PeopleSort.Name, Skip: 25, Take: 25), Ct);
        Assert.Equal("L0000", first.Rows[0].LastName);
        Assert.Equal("L0025", second.Rows[0].LastName);
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(second.Rows.Select(r => r.Id)));
        Assert.Equal("p1199@example.com", (await people.SearchAsync(new PeopleQuery(Sort: PeopleSort.Email, Descending: true), Ct)).Rows[0].Email);

        // 1,200 people, but the first page only counts up to 1,000 and says so; a page further on counts further.
        Assert.Equal(1000, first.Count);
        Assert.True(first.CountIsCapped);
        var deep = await people.SearchAsync(new PeopleQuery(Skip: 1000, Take: 25), Ct);
        Assert.Equal(1200, deep.Count);
        Assert.False(deep.CountIsCapped);
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Prefix_searches_seek_the_nocase_indexes()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var people = host.Get<PeopleService>();

        var email = string.Join("\n", await people.ExplainSearchAsync(new PeopleQuery("ada@", Sort: PeopleSort.Email), Ct));
        var any = string.Join("\n", await people.ExplainSearchAsync(new PeopleQuery("ada"), Ct));

        Assert.True(email.Contains("SEARCH p USING INDEX IX_People_Email (Email>? AND Email<?)"), email + "\n" + any);
        Assert.DoesNotContain("TEMP B-TREE", email);
        Assert.Contains("IX_People_FirstName (FirstName>? AND FirstName<?)", any);
        Assert.Contains("IX_People_LastName (LastName>? AND LastName<?)", any);
        Assert.Contains("IX_People_Company (Company>? AND Company<?)", any);
        Assert.DoesNotContain("SCAN p", any);
    }

    [Fact]
    public async Task Creating_and_editing_validate_the_email_keep_it_unique_and_audit_the_change()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var people = host.Get<PeopleService>();

        Assert.Equal(PersonErrors.EmailRequired, (await people.CreateAsync(new PersonInput { Email = " " }, Ct)).Problems.Single(p => p.Field == "Email").Code);
        Assert.Equal(PersonErrors.EmailInvalid, (await people.CreateAsync(new PersonInput { Email = "not-an-email" }, Ct)).Problems.Single(p => p.Field == "Email").Code);
        Assert.Equal(PersonErrors.EmailInvalid, (await people.CreateAsync(new PersonInput { Email = "a b@example.com" }, Ct)).Problems.Single(p => p.Field == "Email").Code);
        Assert.Equal(PersonErrors.TooLong, (await people.CreateAsync(new PersonInput { Email = "x@example.com", Company = new string('c', 256) }, Ct)).Problems.Single(p => p.Field == "Company").Code);

        var created = await people.CreateAsync(new PersonInput { Email = " ada@example.com ", FirstName = "Ada", LastName = " ", Company = "Engines" }, Ct);
        Assert.True(created.Succeeded);
        Assert.Equal(PersonErrors.EmailTaken, (await people.CreateAsync(new PersonInput { Email = "ADA@example.com" }, Ct)).Problems.Single(p => p.Field == "Email").Code);
        var grace = await people.CreateAsync(new PersonInput { Email = "grace@example.com" }, Ct);

        Assert.Equal(PersonErrors.EmailTaken, (await people.UpdateAsync(grace.Value, new PersonInput { Email = "Ada@Example.com" }, Ct)).Problems.Single(p => p.Field == "Email").Code);
        Assert.Equal(PersonErrors.NotFound, (await people.UpdateAsync(999, new PersonInput { Email = "x@example.com" }, Ct)).Problems.Single(p => p.Field == "Email").Code);
        var edited = await people.UpdateAsync(created.Value, new PersonInput { Email = "ada@example.com", FirstName = "Augusta Ada", LastName = "King" }, Ct);
        Assert.True(edited.Succeeded);

        var ada = await people.FindAsync(created.Value, Ct);
        Assert.Equal(("ada@example.com", "Augusta Ada", "King", (string?)null), (ada!.Email, ada.FirstName, ada.LastName, ada.Company));
        Assert.Equal("admin@test.local", ada.UpdatedBy);
        await using var context = host.NewContext();
        var audit = await context.AuditEntries.Where(e => e.EntityType == "Person").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(["person.created", "person.created", "person.updated"], audit);
    }

    [Fact]
    public async Task The_profile_counts_activities_per_type_under_the_live_name()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        await using var context = host.NewContext();
        var person = A.Person.Build();
        var webinar = A.ActivityType.Build();
        var deposit = A.ActivityType.Named("chequeDeposited", "Cheque deposited").WithPrimary("memo").Build();
        context.AddRange(person, webinar, deposit);
        await context.SaveChangesAsync(Ct);
        await host.Get<ActivityBulkWriter>().WriteAsync(
        [
            An.Activity(person.Id, webinar.Id).Build(), An.Activity(person.Id, deposit.Id).Build(), An.Activity(person.Id, deposit.Id).Build(),
        ], Ct);

        var counts = await host.Get<PeopleService>().CountActivitiesByTypeAsync(person.Id, Ct);

        Assert.Equal([("Cheque deposited", 2), ("Webinar attended", 1)], counts.Select(c => (c.DisplayName, c.Count)));
    }

    private static async Task SeedAsync(CoreTestHost host, params PersonBuilder[] people)
    {
        await using var context = host.NewContext();
        context.People.AddRange(people.Select(p => p.Build()));
        await context.SaveChangesAsync(Ct);
    }
}
