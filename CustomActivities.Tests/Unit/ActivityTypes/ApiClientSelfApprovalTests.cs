using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

/// <summary>
/// Approvals:ApiClientsMayApproveOwnDrafts: an integration may approve the type it created, as in Marketo (default), or
/// leave it to someone else; people in the app keep the four-eyes rule either way.
/// </summary>
public sealed class ApiClientSelfApprovalTests
{
    private static readonly Actor Integration = new(ActorKind.ApiClient, "7", "crm-sync", IsAdmin: true);
    private static readonly Actor OtherIntegration = new(ActorKind.ApiClient, "8", "webinar-bridge", IsAdmin: true);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task By_default_an_API_client_approves_the_draft_it_created_and_the_audit_log_says_it_was_the_drafts_author()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Integration, Define.ActivityType.Build(), Ct);

        var permissions = await service.PermissionsAsync(Integration, "webinarAttended", Ct);
        var result = await service.ApproveAsync(Integration, "webinarAttended", cancellationToken: Ct);

        Assert.Empty(permissions!.Approve);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(ActivityTypeStatus.Approved, (await service.GetAsync("webinarAttended", Ct))!.Status);
        await using var context = host.NewContext();
        var approval = await context.AuditEntries.SingleAsync(e => e.Action.StartsWith("activity-type.approved"), Ct);
        Assert.Equal((ActivityTypeService.Actions.ApprovedByAuthor, "api:crm-sync"), (approval.Action, approval.Actor));
    }

    [Fact]
    public async Task By_default_a_person_in_the_app_still_cannot_approve_their_own_draft()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Admin, Define.ActivityType.Build(), Ct);

        var permissions = await service.PermissionsAsync(Admin, "webinarAttended", Ct);
        var result = await service.ApproveAsync(Admin, "webinarAttended", cancellationToken: Ct);

        Assert.Equal(ActivityTypeErrorCodes.SelfApproval, Assert.Single(permissions!.Approve).Code);
        Assert.True(result.Has(ActivityTypeErrorCodes.SelfApproval));
        Assert.Equal(ActivityTypeStatus.Draft, (await service.GetAsync("webinarAttended", Ct))!.Status);
    }

    [Fact]
    public async Task With_the_setting_off_an_API_client_leaves_its_own_draft_to_another_approver_who_is_audited_as_a_plain_approval()
    {
        await using var host = await new CoreTestHostBuilder().WithSetting("Approvals:ApiClientsMayApproveOwnDrafts", "false").BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Integration, Define.ActivityType.Build(), Ct);

        var permissions = await service.PermissionsAsync(Integration, "webinarAttended", Ct);
        var own = await service.ApproveAsync(Integration, "webinarAttended", cancellationToken: Ct);
        var other = await service.ApproveAsync(OtherIntegration, "webinarAttended", cancellationToken: Ct);

        Assert.Equal(ActivityTypeErrorCodes.SelfApproval, Assert.Single(permissions!.Approve).Code);
        Assert.True(own.Has(ActivityTypeErrorCodes.SelfApproval));
        Assert.True(other.Succeeded, string.Join("; ", other.Problems));
        await using var context = host.NewContext();
        var approval = await context.AuditEntries.SingleAsync(e => e.Action.StartsWith("activity-type.approved"), Ct);
        Assert.Equal((ActivityTypeService.Actions.Approved, "api:webinar-bridge"), (approval.Action, approval.Actor));
    }

    [Theory]
    [InlineData(false, true, ActorKind.ApiClient, true)]
    [InlineData(false, true, ActorKind.User, false)]
    [InlineData(false, false, ActorKind.ApiClient, false)]
    [InlineData(true, false, ActorKind.User, true)]
    [InlineData(true, false, ActorKind.ApiClient, true)]
    public void Self_approval_is_allowed_for_people_by_AllowSelfApproval_and_for_API_clients_also_by_ApiClientsMayApproveOwnDrafts(
        bool allowSelfApproval, bool apiClientsMayApproveOwnDrafts, ActorKind kind, bool allowed)
    {
        var options = new ApprovalOptions { AllowSelfApproval = allowSelfApproval, ApiClientsMayApproveOwnDrafts = apiClientsMayApproveOwnDrafts };
        var approver = new Actor(kind, "1", "someone", IsAdmin: true);

        Assert.Equal(allowed, options.AllowsSelfApprovalBy(approver));
        Assert.Equal(!allowed, options.RefusesSelfApproval(approver, approver.Label));
    }
}
