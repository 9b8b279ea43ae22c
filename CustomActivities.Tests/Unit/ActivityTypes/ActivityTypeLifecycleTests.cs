using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

public sealed class ActivityTypeLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_approves_a_new_type_which_goes_live_as_version_1_and_is_audited()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Marketer, Define.ActivityType.Build(), Ct);

        var result = await service.ApproveAsync(Admin, "webinarAttended", cancellationToken: Ct);

        Assert.True(result.Succeeded);
        var detail = (await service.GetAsync("webinarAttended", Ct))!;
        Assert.Equal(ActivityTypeStatus.Approved, detail.Status);
        Assert.Equal((1, VersionState.Approved, "admin@test.local"), (detail.Live!.Number, detail.Live.State, detail.Live.ApprovedBy));
        Assert.Equal(host.Clock.GetUtcNow(), detail.Live.ApprovedAt);
        Assert.Null(detail.Draft);
        Assert.Equal(0, await service.PendingApprovalCountAsync(Ct));
        await using var context = host.NewContext();
        var audit = await context.AuditEntries.SingleAsync(e => e.Action == ActivityTypeService.Actions.Approved, Ct);
        Assert.Contains("\"status\":\"Draft\"", audit.Before);
        Assert.Contains("\"status\":\"Approved\"", audit.After);
    }

    [Fact]
    public async Task A_marketer_cannot_approve_even_when_calling_the_service_directly()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(OtherMarketer, Define.ActivityType.Build(), Ct);

        var result = await service.ApproveAsync(Marketer, "webinarAttended", cancellationToken: Ct);

        Assert.True(result.Has(ActivityTypeErrorCodes.AdminOnly));
        Assert.Equal(ActivityTypeStatus.Draft, (await service.GetAsync("webinarAttended", Ct))!.Status);
    }

    [Fact]
    public async Task An_admin_cannot_approve_a_draft_they_last_edited()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Marketer, Define.ActivityType.Build(), Ct);
        var detail = (await service.GetAsync("webinarAttended", Ct))!;
        await service.UpdateDraftAsync(Admin, "webinarAttended", detail.Editing().WithDescription("Touched by the admin").Build(), detail.ConcurrencyStamp, Ct);

        var self = await service.ApproveAsync(Admin, "webinarAttended", cancellationToken: Ct);
        var other = await service.ApproveAsync(OtherAdmin, "webinarAttended", cancellationToken: Ct);

        Assert.True(self.Has(ActivityTypeErrorCodes.SelfApproval));
        Assert.True(other.Succeeded);
    }

    [Fact]
    public async Task Self_approval_is_allowed_when_the_setting_says_so()
    {
        await using var host = await new CoreTestHostBuilder().WithSetting("Approvals:AllowSelfApproval", "true").BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Admin, Define.ActivityType.Build(), Ct);

        Assert.True((await service.ApproveAsync(Admin, "webinarAttended", cancellationToken: Ct)).Succeeded);
    }

    [Fact]
    public async Task Editing_an_approved_type_creates_one_pending_draft_and_leaves_the_live_version_alone()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();

        var first = await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithDisplayName("Webinar joined").Build(), approved.ConcurrencyStamp, Ct);
        var afterFirst = (await service.GetAsync(approved.ApiName, Ct))!;
        var second = await service.UpdateDraftAsync(OtherMarketer, approved.ApiName, afterFirst.Editing().WithDisplayName("Webinar watched").Build(), afterFirst.ConcurrencyStamp, Ct);

        Assert.True(first.Succeeded && second.Succeeded);
        var detail = (await service.GetAsync(approved.ApiName, Ct))!;
        Assert.Equal(ActivityTypeStatus.ApprovedWithDraft, detail.Status);
        Assert.Equal("Webinar attended", detail.Live!.DisplayName);
        Assert.Equal((2, "Webinar attended"), (detail.Draft!.Number, detail.Live.DisplayName));
        Assert.Equal("Webinar watched", detail.Draft.DisplayName);
        Assert.Equal(OtherMarketer.Label, detail.DraftEditedBy);
        Assert.Equal([2, 1], (await service.VersionsAsync(approved.ApiName, Ct)).Select(v => v.Number));
        Assert.Equal(1, await service.PendingApprovalCountAsync(Ct));
    }

    [Fact]
    public async Task Approving_a_draft_makes_a_new_live_version_and_keeps_every_approved_version()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithField("rating", FieldDataType.Integer).Build(), approved.ConcurrencyStamp, Ct);

        Assert.True((await service.ApproveAsync(Admin, approved.ApiName, cancellationToken: Ct)).Succeeded);

        var detail = (await service.GetAsync(approved.ApiName, Ct))!;
        Assert.Equal((ActivityTypeStatus.Approved, 2), (detail.Status, detail.Live!.Number));
        Assert.Contains(detail.Live.Fields, f => f.ApiName == "rating");
        var versions = await service.VersionsAsync(approved.ApiName, Ct);
        Assert.Equal([(2, VersionState.Approved), (1, VersionState.Approved)], versions.Select(v => (v.Number, v.State)));
        Assert.DoesNotContain(versions[1].Fields, f => f.ApiName == "rating");
    }

    [Fact]
    public async Task Discarding_a_draft_returns_to_the_live_version_and_keeps_the_discarded_draft_in_history()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithDisplayName("Webinar joined").Build(), approved.ConcurrencyStamp, Ct);

        var result = await service.DiscardDraftAsync(Admin, approved.ApiName, cancellationToken: Ct);

        Assert.True(result.Succeeded);
        var detail = (await service.GetAsync(approved.ApiName, Ct))!;
        Assert.Equal((ActivityTypeStatus.Approved, 1, null), (detail.Status, detail.Live!.Number, detail.Draft));
        Assert.Equal([(2, VersionState.Discarded), (1, VersionState.Approved)], (await service.VersionsAsync(approved.ApiName, Ct)).Select(v => (v.Number, v.State)));
        Assert.True((await service.DiscardDraftAsync(Admin, approved.ApiName, cancellationToken: Ct)).Has(ActivityTypeErrorCodes.NoDraft));
        Assert.True((await service.ApproveAsync(Admin, approved.ApiName, cancellationToken: Ct)).Has(ActivityTypeErrorCodes.NoDraft));
        // The next edit starts a new draft numbered after the discarded one.
        await service.UpdateDraftAsync(Marketer, approved.ApiName, detail.Editing().WithDisplayName("Webinar seen").Build(), detail.ConcurrencyStamp, Ct);
        Assert.Equal(3, (await service.GetAsync(approved.ApiName, Ct))!.Draft!.Number);
    }

    [Fact]
    public async Task Only_an_admin_or_the_drafts_author_can_discard_it()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithDisplayName("Webinar joined").Build(), approved.ConcurrencyStamp, Ct);

        Assert.True((await service.DiscardDraftAsync(OtherMarketer, approved.ApiName, cancellationToken: Ct)).Has(ActivityTypeErrorCodes.AdminOrAuthorOnly));
        Assert.True((await service.DiscardDraftAsync(Marketer, approved.ApiName, cancellationToken: Ct)).Succeeded);
    }

    [Fact]
    public async Task A_draft_of_a_new_type_can_change_everything_including_its_api_name()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Marketer, Define.ActivityType.WithField("minutes", FieldDataType.Integer).Build(), Ct);
        var draft = (await service.GetAsync("webinarAttended", Ct))!;

        var result = await service.UpdateDraftAsync(Marketer, "webinarAttended",
            draft.Editing().WithApiName("webinarJoined").RetypeField("minutes", FieldDataType.Float).WithPrimary("topic").Build(), draft.ConcurrencyStamp, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal("webinarJoined", result.Value);
        var detail = (await service.GetAsync("webinarJoined", Ct))!;
        Assert.Equal((1, "topic", FieldDataType.Float), (detail.Draft!.Number, detail.Draft.PrimaryField.ApiName, detail.Draft.Fields.Single().DataType));
    }

    [Fact]
    public async Task Every_change_is_audited_with_who_and_before_and_after()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithDisplayName("Webinar joined").Build(), approved.ConcurrencyStamp, Ct);
        await service.DiscardDraftAsync(Admin, approved.ApiName, cancellationToken: Ct);
        await service.ArchiveAsync(Admin, approved.ApiName, cancellationToken: Ct);
        await service.RestoreAsync(Admin, approved.ApiName, cancellationToken: Ct);
        await service.DeleteAsync(Admin, approved.ApiName, cancellationToken: Ct);

        await using var context = host.NewContext();
        var entries = await context.AuditEntries.OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(
            [ActivityTypeService.Actions.Created, ActivityTypeService.Actions.Approved, ActivityTypeService.Actions.DraftUpdated,
             ActivityTypeService.Actions.DraftDiscarded, ActivityTypeService.Actions.Archived, ActivityTypeService.Actions.Restored,
             ActivityTypeService.Actions.Deleted],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("ActivityType", approved.Id.ToString(), "Webinar attended"), (e.EntityType, e.EntityId, e.EntityName)));
        Assert.Equal(["mark@test.local", "admin@test.local", "mark@test.local"], entries.Take(3).Select(e => e.Actor));
        var draftUpdate = entries[2];
        Assert.DoesNotContain("Webinar joined", draftUpdate.Before);
        Assert.Contains("Webinar joined", draftUpdate.After);
        Assert.Null(entries[^1].After);
        Assert.NotNull(entries[^1].Before);
    }

    [Fact]
    public async Task Editing_a_pending_draft_again_replaces_its_fields_in_place()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync(Define.ActivityType.WithField("presenter").WithField("minutesWatched", FieldDataType.Integer).Build());
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithField("rating", FieldDataType.Integer).WithField("notes", FieldDataType.Text).Build(), approved.ConcurrencyStamp, Ct);
        var draft = (await service.GetAsync(approved.ApiName, Ct))!;
        Assert.Equal(["webinarName", "presenter", "minutesWatched", "rating", "notes"], draft.Draft!.AllFields.Select(f => f.ApiName));

        var second = draft.Editing().WithoutField("rating").WithoutField("minutesWatched").SwapPrimaryWith("presenter").RelabelField("notes", "Notes").Build();
        var result = await service.UpdateDraftAsync(Marketer, approved.ApiName, second, draft.ConcurrencyStamp, Ct);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var edited = (await service.GetAsync(approved.ApiName, Ct))!.Draft!;
        Assert.Equal(2, edited.Number);
        Assert.Equal(["presenter", "webinarName", "notes"], edited.AllFields.Select(f => f.ApiName));
        Assert.Equal("Notes", edited.Fields[1].DisplayName);
        await using var context = host.NewContext();
        // v1 keeps its three fields, the draft has three (the seeded standard types' fields are not counted).
        Assert.Equal(3 + 3, await context.ActivityFields.CountAsync(f => context.ActivityTypeVersions.Any(v => v.Id == f.VersionId
            && v.ActivityTypeId >= CustomActivities.Core.Activities.StandardActivityTypes.FirstCustomId), Ct));
    }
}
