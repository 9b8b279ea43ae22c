using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

public sealed class ActivityTypeListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_list_shows_status_field_count_activity_count_and_last_change_and_filters_by_search_and_status()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var webinar = await service.ApprovedAsync();
        await service.CreateAsync(Marketer, Define.ActivityType.Named("Cheque deposited").WithPrimary("amount", FieldDataType.Currency).Build(), Ct);
        await using (var context = host.NewContext())
        {
            var person = A.Person.Build();
            context.People.Add(person);
            await context.SaveChangesAsync(Ct);
            context.Activities.AddRange(Enumerable.Range(0, 3).Select(_ => new Activity { PersonId = person.Id, ActivityTypeId = webinar.Id, TypeVersionNumber = 1 }));
            await context.SaveChangesAsync(Ct);
        }

        var all = await service.ListAsync(cancellationToken: Ct);

        Assert.Equal(
            [("Cheque deposited", ActivityTypeStatus.Draft, 1, 0L), ("Webinar attended", ActivityTypeStatus.Approved, 3, 3L)],
            all.Select(s => (s.DisplayName, s.Status, s.FieldCount, s.ActivityCount)));
        Assert.Equal(host.Clock.GetUtcNow(), all[1].UpdatedAt);
        Assert.Equal(["chequeDeposited"], (await service.ListAsync(new ActivityTypeListQuery(Search: "CHEQUE"), Ct)).Select(s => s.ApiName));
        Assert.Equal(["webinarAttended"], (await service.ListAsync(new ActivityTypeListQuery(Status: ActivityTypeStatus.Approved), Ct)).Select(s => s.ApiName));
    }

    [Fact]
    public async Task The_approval_queue_lists_drafts_oldest_first()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var webinar = await service.ApprovedAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        await service.CreateAsync(Marketer, Define.ActivityType.Named("Cheque deposited").Build(), Ct);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await service.UpdateDraftAsync(Marketer, webinar.ApiName, webinar.Editing().WithDescription("new").Build(), webinar.ConcurrencyStamp, Ct);

        var queue = await service.PendingApprovalsAsync(Admin, Ct);

        Assert.Equal(["chequeDeposited", "webinarAttended"], queue.Select(d => d.Type.ApiName));
        Assert.Equal(2, await service.PendingApprovalCountAsync(Ct));
    }
}
