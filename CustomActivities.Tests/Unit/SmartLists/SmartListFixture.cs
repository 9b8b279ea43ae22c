using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Lists;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Unit.SmartLists;

/// <summary>
/// Five people with known activities, shared (read-only) by the smart list tests; the clock stands at 2026-11-01 09:00 UTC.
/// <list type="bullet">
/// <item>ann (Acme, on the VIP list): three "Intro to Rust" webinars (Aug 1, Sep 1, Oct 1 08:00), 10 seats, vip, started 2026-10-01T23:30Z.</item>
/// <item>bob (Globex, @y.org): "Advanced rust" on Oct 20, 25 seats, not vip, empty notes; added to the VIP list then removed.</item>
/// <item>cat (Acme, on the VIP list): "Cooking 101" on Oct 30, 5 seats, notes "50% off_sale".</item>
/// <item>dan: one webinar on Oct 31 with an empty name and no fields.</item>
/// <item>eve: no webinar.</item>
/// </list>
/// </summary>
public sealed class SmartListFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public CoreTestHost Host { get; private set; } = null!;
    public int Webinar { get; private set; }
    public int Consent { get; private set; }
    public int VipList { get; private set; }
    public Dictionary<string, int> People { get; } = [];

    public string NameOf(int personId) => People.Single(p => p.Value == personId).Key;

    public async ValueTask InitializeAsync()
    {
        Host = await new CoreTestHostBuilder().At(Now).BuildAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var context = Host.NewContext();
        var webinar = A.ActivityType.Named("webinarAttended", "Webinar attended")
            .WithField("seats", FieldDataType.Integer).WithField("price", FieldDataType.Currency).WithField("score", FieldDataType.Float)
            .WithField("vip", FieldDataType.Boolean).WithField("contact", FieldDataType.Email).WithField("startDate", FieldDataType.Date)
            .WithField("startedAt", FieldDataType.DateTime).WithField("notes", FieldDataType.Text).Build();
        var consent = A.ActivityType.Named("consentGiven", "Consent given").WithPrimary("consented", FieldDataType.Boolean).Build();
        var people = new Dictionary<string, Core.People.Person>
        {
            ["ann"] = A.Person.WithEmail("ann@x.com").Named("Ann", "Archer").AtCompany("Acme").Build(),
            ["bob"] = A.Person.WithEmail("bob@y.org").Named("Bob", "Baker").AtCompany("Globex").Build(),
            ["cat"] = A.Person.WithEmail("cat@x.com").Named("Cat", "Cole").AtCompany("Acme").Build(),
            ["dan"] = A.Person.WithEmail("dan@z.net").Named("Dan", "Dunn").Build(),
            ["eve"] = A.Person.WithEmail("eve@z.net").Named("Eve", "Evans").AtCompany("Initech").Build(),
        };
        var vip = new StaticList { Name = "VIP" };
        context.AddRange(webinar, consent, vip);
        context.AddRange(people.Values);
        await context.SaveChangesAsync(ct);
        // As start-up would for types written straight to the file: every constraint below then meets its field index.
        await Host.Get<ActivityFieldIndexes>().ReconcileAsync(ct);
        Webinar = webinar.Id;
        Consent = consent.Id;
        VipList = vip.Id;
        foreach (var (key, person) in people)
        {
            People[key] = person.Id;
        }

        context.StaticListMembers.AddRange(
            new StaticListMember { ListId = vip.Id, PersonId = People["ann"], AddedAt = Now },
            new StaticListMember { ListId = vip.Id, PersonId = People["cat"], AddedAt = Now });
        context.Activities.AddRange(
            StandardActivities.ListMembership(true, People["ann"], vip, Now.AddDays(-3)),
            StandardActivities.ListMembership(true, People["cat"], vip, Now.AddDays(-3)),
            StandardActivities.ListMembership(true, People["bob"], vip, Now.AddDays(-3)),
            StandardActivities.ListMembership(false, People["bob"], vip, Now.AddDays(-2)));
        await context.SaveChangesAsync(ct);

        NewActivityBuilder Webinar_(string person, DateTimeOffset at) => An.Activity(People[person], Webinar).At(at);
        NewActivityBuilder Ann(DateTimeOffset at) => Webinar_("ann", at).Primary("Intro to Rust").With("seats", 10).With("price", 19.99m)
            .With("score", 1.5).With("vip", true).With("contact", "a@x.com").With("startDate", "2026-10-01")
            .With("startedAt", "2026-10-01T23:30:00Z").With("notes", "Loved it");
        await Host.Get<ActivityBulkWriter>().WriteAsync(
        [
            Ann(new DateTimeOffset(2026, 8, 1, 8, 0, 0, TimeSpan.Zero)).Build(),
            Ann(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero)).Build(),
            Ann(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero)).Build(),
            Webinar_("bob", new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.Zero)).Primary("Advanced rust").With("seats", 25).With("price", 100)
                .With("score", -2).With("vip", false).With("contact", "b@y.org").With("startDate", "2026-10-15")
                .With("startedAt", "2026-10-15T08:00:00Z").With("notes", "").Build(),
            Webinar_("cat", new DateTimeOffset(2026, 10, 30, 12, 0, 0, TimeSpan.Zero)).Primary("Cooking 101").With("seats", 5).With("price", 0)
                .With("score", 0).With("vip", false).With("contact", "c@x.com").With("startDate", "2026-10-31")
                .With("startedAt", "2026-10-31T12:00:00Z").With("notes", "50% off_sale").Build(),
            Webinar_("dan", new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero)).Primary("").Build(),
            An.Activity(People["ann"], Consent).At(Now.AddDays(-1)).Primary("true").Build(),
            An.Activity(People["bob"], Consent).At(Now.AddDays(-1)).Primary("false").Build(),
        ], ct);
    }

    public async Task<IReadOnlyList<string>> MembersAsync(SmartListQuery query, TimeZoneInfo? zone = null)
    {
        var page = await Host.Get<SmartListEvaluator>().PageAsync(query, SmartListSort.Email, false, 0, 100, zone, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(page.Succeeded, string.Join("; ", page.Problems.Select(p => p.Message)));
        Assert.Equal(page.Value!.Rows.Count, page.Value.Count);
        return [.. page.Value.Rows.Select(r => NameOf(r.Id))];
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
