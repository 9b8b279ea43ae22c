using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.Actors;
using CustomActivities.Core.Results;

namespace CustomActivities.Tests.Unit.ActivityTypes;

/// <summary>The questions pages ask before offering an action get the answers the actions themselves give.</summary>
public sealed class ActivityTypePermissionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? Why(IReadOnlyList<Problem> refused) => refused.FirstOrDefault()?.Code;

    [Fact]
    public async Task A_marketer_may_edit_discard_their_own_draft_and_download_the_schema_but_not_approve_archive_or_delete_an_approved_type()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithDisplayName("Webinar joined").Build(), null, Ct);

        var can = (await service.PermissionsAsync(Marketer, approved.ApiName, Ct))!;

        Assert.Equal(
            [null, ActivityTypeErrorCodes.AdminOnly, null, ActivityTypeErrorCodes.AdminOnly, ActivityTypeErrorCodes.AdminOnly, null],
            new[] { can.Edit, can.Approve, can.Discard, can.ArchiveOrRestore, can.Delete, can.DownloadSchema }.Select(Why));
    }

    [Fact]
    public async Task The_drafts_author_is_recognised_whatever_the_case_of_their_email_as_the_discard_itself_does()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithDisplayName("Webinar joined").Build(), null, Ct);
        var sameMarketerOtherCase = Marketer with { Name = Marketer.Name.ToUpperInvariant() };

        var can = (await service.PermissionsAsync(sameMarketerOtherCase, approved.ApiName, Ct))!;
        var discarded = await service.DiscardDraftAsync(sameMarketerOtherCase, approved.ApiName, cancellationToken: Ct);

        Assert.Empty(can.Discard);
        Assert.True(discarded.Succeeded);
    }

    [Fact]
    public async Task Another_marketer_may_not_discard_a_draft_and_the_action_refuses_with_the_same_reason()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithDisplayName("Webinar joined").Build(), null, Ct);

        var can = (await service.PermissionsAsync(OtherMarketer, approved.ApiName, Ct))!;
        var discarded = await service.DiscardDraftAsync(OtherMarketer, approved.ApiName, cancellationToken: Ct);

        Assert.Equal(can.Discard, discarded.Problems);
    }

    [Fact]
    public async Task An_admin_may_not_approve_a_draft_they_last_edited_whatever_the_case_of_their_email()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Admin, approved.ApiName, approved.Editing().WithDisplayName("Webinar joined").Build(), null, Ct);

        var mine = (await service.PermissionsAsync(Admin with { Name = "ADMIN@TEST.LOCAL" }, approved.ApiName, Ct))!;
        var theirs = (await service.PermissionsAsync(OtherAdmin, approved.ApiName, Ct))!;

        Assert.Equal(ActivityTypeErrorCodes.SelfApproval, Why(mine.Approve));
        Assert.Empty(theirs.Approve);
        Assert.Empty(theirs.ArchiveOrRestore);
    }

    [Fact]
    public async Task An_approved_type_without_a_draft_has_nothing_to_approve_or_discard()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();

        var can = (await service.PermissionsAsync(Admin, approved.ApiName, Ct))!;

        Assert.Equal(ActivityTypeErrorCodes.NoDraft, Why(can.Approve));
        Assert.Equal(ActivityTypeErrorCodes.NoDraft, Why(can.Discard));
        Assert.Empty(can.Delete);
    }

    [Fact]
    public async Task A_new_draft_may_be_deleted_by_its_author_but_has_no_schema_and_cannot_be_archived()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var definition = Define.ActivityType.Build();
        // The author is whoever is signed in when the row is written (the auditing interceptor stamps it).
        host.Actor.Current = Marketer;
        await service.CreateAsync(Marketer, definition, Ct);

        var author = (await service.PermissionsAsync(Marketer with { Name = "Mark@Test.Local" }, definition.ApiName, Ct))!;
        var admin = (await service.PermissionsAsync(Admin, definition.ApiName, Ct))!;

        Assert.Empty(author.Delete);
        Assert.Equal(ActivityTypeErrorCodes.NotApproved, Why(author.DownloadSchema));
        Assert.Equal(ActivityTypeErrorCodes.NotApproved, Why(admin.ArchiveOrRestore));
        Assert.Equal(ActivityTypeErrorCodes.NotApproved, Why(admin.Discard));
    }

    [Fact]
    public async Task An_archived_type_may_only_be_restored_and_the_answer_follows_the_type()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.ArchiveAsync(Admin, approved.ApiName, cancellationToken: Ct);

        var admin = (await service.PermissionsAsync(Admin, approved.ApiName, Ct))!;
        var marketer = (await service.PermissionsAsync(Marketer, approved.ApiName, Ct))!;

        Assert.Equal(ActivityTypeErrorCodes.Archived, Why(admin.Edit));
        Assert.Empty(admin.ArchiveOrRestore);
        Assert.Equal(ActivityTypeErrorCodes.AdminOnly, Why(marketer.ArchiveOrRestore));
        Assert.True((await service.RestoreAsync(Admin, approved.ApiName, cancellationToken: Ct)).Succeeded);
    }

    [Fact]
    public async Task A_type_with_activities_cannot_be_deleted_and_an_unknown_type_has_no_permissions()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await using (var context = host.NewContext())
        {
            var person = A.Person.Build();
            context.People.Add(person);
            await context.SaveChangesAsync(Ct);
            context.Activities.Add(new Activity { PersonId = person.Id, ActivityTypeId = approved.Id, TypeVersionNumber = 1 });
            await context.SaveChangesAsync(Ct);
        }

        var can = (await service.PermissionsAsync(Admin, approved.ApiName, Ct))!;

        Assert.Equal(ActivityTypeErrorCodes.HasActivities, Why(can.Delete));
        Assert.Null(await service.PermissionsAsync(Admin, "nothingHere", Ct));
    }
}
