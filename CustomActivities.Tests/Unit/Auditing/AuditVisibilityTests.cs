using CustomActivities.Core.Auditing;
using CustomActivities.Core.Dashboard;
using CustomActivities.Core.Lists;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.Auditing;

/// <summary>Marketers read the changes to activity types, people and lists; accounts and API clients are for admins only.</summary>
public sealed class AuditVisibilityTests : IAsyncLifetime
{
    private static readonly Actor Integration = new(ActorKind.ApiClient, "client", "crm");
    private CoreTestHost host = null!;

    public async ValueTask InitializeAsync()
    {
        host = await new CoreTestHostBuilder().BuildAsync();
        var audit = host.Get<AuditLog>();
        await using var context = host.NewContext();
        audit.Record(context, Marketer, "activity-type.created", AuditEntityTypes.ActivityType, "1", "Webinar attended", null, null);
        audit.Record(context, Integration, AuditActions.PersonCreated, AuditEntityTypes.Person, "7", "ann@example.com", null, null);
        audit.Record(context, Admin, AuditActions.UserCreated, AuditEntityTypes.User, "u1", "secret-colleague@test.local", null, null);
        audit.Record(context, Admin, AuditActions.ApiClientCreated, AuditEntityTypes.ApiClient, "3", "billing", null, null);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task A_marketer_reads_activity_type_and_person_changes_only()
    {
        var page = await host.Get<AuditLog>().QueryAsync(Marketer, new AuditQuery(), TestContext.Current.CancellationToken);

        Assert.Equal(2, page.TotalCount);
        Assert.Equal([AuditEntityTypes.Person, AuditEntityTypes.ActivityType], page.Entries.Select(e => e.EntityType));
    }

    [Fact]
    public async Task A_marketer_reads_static_list_changes()
    {
        await using (var context = host.NewContext())
        {
            host.Get<AuditLog>().Record(context, Admin, AuditActions.StaticListCreated, AuditEntityTypes.StaticList, "5", "Newsletter", null, null);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = await host.Get<AuditLog>().QueryAsync(Marketer, new AuditQuery(EntityType: AuditEntityTypes.StaticList), TestContext.Current.CancellationToken);

        Assert.Equal("Newsletter", Assert.Single(page.Entries).EntityName);
        Assert.Contains(StaticListService.AuditEntityType, AuditVisibility.EntityTypesFor(Marketer));
    }

    [Fact]
    public async Task A_marketer_asking_for_user_entries_gets_none()
    {
        var page = await host.Get<AuditLog>().QueryAsync(Marketer, new AuditQuery(EntityType: AuditEntityTypes.User), TestContext.Current.CancellationToken);

        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Entries);
    }

    [Fact]
    public async Task An_admin_reads_every_entry()
    {
        var page = await host.Get<AuditLog>().QueryAsync(Admin, new AuditQuery(), TestContext.Current.CancellationToken);

        Assert.Equal(4, page.TotalCount);
    }

    [Fact]
    public async Task The_filter_choices_only_name_what_the_viewer_may_read()
    {
        var audit = host.Get<AuditLog>();

        Assert.Equal(["api:crm", "mark@test.local"], await audit.ActorsAsync(Marketer, TestContext.Current.CancellationToken));
        Assert.Equal(["activity-type.created", AuditActions.PersonCreated], await audit.ActionsAsync(Marketer, TestContext.Current.CancellationToken));
        Assert.Equal([AuditEntityTypes.ActivityType, AuditEntityTypes.Person, AuditEntityTypes.SmartList, AuditEntityTypes.StaticList],
            AuditVisibility.EntityTypesFor(Marketer));
        Assert.Contains("admin@test.local", await audit.ActorsAsync(Admin, TestContext.Current.CancellationToken));
        Assert.Equal(AuditEntityTypes.All, AuditVisibility.EntityTypesFor(Admin));
    }

    [Fact]
    public async Task Filters_by_action()
    {
        var page = await host.Get<AuditLog>().QueryAsync(Admin, new AuditQuery(Action: AuditActions.ApiClientCreated), TestContext.Current.CancellationToken);

        Assert.Equal("billing", Assert.Single(page.Entries).EntityName);
    }

    [Fact]
    public async Task The_dashboard_shows_a_marketer_no_account_or_api_client_changes()
    {
        var dashboard = host.Get<DashboardService>();

        var forMarketer = await dashboard.GetAsync(Marketer, TestContext.Current.CancellationToken);
        var forAdmin = await dashboard.GetAsync(Admin, TestContext.Current.CancellationToken);

        Assert.Equal(["ann@example.com", "Webinar attended"], forMarketer.RecentChanges.Select(c => c.EntityName));
        Assert.Equal(4, forAdmin.RecentChanges.Count);
    }
}
