using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

public sealed class ActivityTypeConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_second_of_two_editors_who_started_from_the_same_state_is_told_who_changed_it_and_when()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        host.Actor.Current = OtherMarketer;
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        var first = await service.UpdateDraftAsync(OtherMarketer, approved.ApiName, approved.Editing().WithDisplayName("Webinar joined").Build(), approved.ConcurrencyStamp, Ct);
        var second = await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithDisplayName("Webinar watched").Build(), approved.ConcurrencyStamp, Ct);

        Assert.True(first.Succeeded);
        var error = second.Problems.Single();
        Assert.Equal(ActivityTypeErrorCodes.Concurrency, error.Code);
        Assert.Equal($"This type was changed by mia@test.local at {host.Clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC. Reload it to see the change, then try again.", error.Message);
        Assert.Equal("Webinar joined", (await service.GetAsync(approved.ApiName, Ct))!.Draft!.DisplayName);
    }

    [Fact]
    public async Task An_approval_based_on_a_stale_view_is_refused()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithDisplayName("Webinar joined").Build(), approved.ConcurrencyStamp, Ct);
        var seenByAdmin = (await service.GetAsync(approved.ApiName, Ct))!;
        var latest = await service.UpdateDraftAsync(Marketer, approved.ApiName, seenByAdmin.Editing().WithDisplayName("Webinar watched").Build(), seenByAdmin.ConcurrencyStamp, Ct);

        var approval = await service.ApproveAsync(Admin, approved.ApiName, seenByAdmin.ConcurrencyStamp, Ct);

        Assert.True(latest.Succeeded);
        Assert.True(approval.Has(ActivityTypeErrorCodes.Concurrency));
        Assert.Equal(ActivityTypeStatus.ApprovedWithDraft, (await service.GetAsync(approved.ApiName, Ct))!.Status);
    }

    [Fact]
    public async Task Every_save_changes_the_concurrency_stamp_so_two_contexts_cannot_both_write()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithDescription("A draft to edit").Build(), approved.ConcurrencyStamp, Ct);
        approved = (await service.GetAsync(approved.ApiName, Ct))!;
        await using var one = host.NewContext();
        await using var two = host.NewContext();
        var inOne = await one.ActivityTypes.Include(t => t.Versions).SingleAsync(Ct);
        var inTwo = await two.ActivityTypes.Include(t => t.Versions).SingleAsync(Ct);

        Assert.Empty(inOne.EditDraft(approved.Editing().WithDisplayName("Webinar joined").Build(), Marketer, host.Clock.GetUtcNow()));
        Assert.Empty(inTwo.EditDraft(approved.Editing().WithDisplayName("Webinar watched").Build(), OtherMarketer, host.Clock.GetUtcNow()));
        await one.SaveChangesAsync(Ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync(Ct));
        Assert.Equal(approved.ConcurrencyStamp + 1, (await service.GetAsync(approved.ApiName, Ct))!.ConcurrencyStamp);
    }
}
