using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

public sealed class ActivityTypeDeletionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task RecordActivityAsync(CoreTestHost host, int typeId)
    {
        await using var context = host.NewContext();
        var person = A.Person.Build();
        context.People.Add(person);
        await context.SaveChangesAsync(Ct);
        context.Activities.Add(new Activity { PersonId = person.Id, ActivityTypeId = typeId, TypeVersionNumber = 1, OccurredAt = host.Clock.GetUtcNow(), RecordedAt = host.Clock.GetUtcNow(), PrimaryValue = "x" });
        await context.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_type_without_activities_can_be_deleted_with_all_its_versions()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();

        var result = await service.DeleteAsync(Admin, approved.ApiName, cancellationToken: Ct);

        Assert.True(result.Succeeded);
        Assert.Null(await service.GetAsync(approved.ApiName, Ct));
        await using var context = host.NewContext();
        // Only the seeded standard types' versions and fields remain.
        var customVersions = context.ActivityTypeVersions.Where(v => v.ActivityTypeId >= CustomActivities.Core.Activities.StandardActivityTypes.FirstCustomId);
        Assert.False(await customVersions.AnyAsync(Ct));
        Assert.False(await context.ActivityFields.AnyAsync(f => customVersions.Any(v => v.Id == f.VersionId), Ct));
    }

    [Fact]
    public async Task A_type_with_activities_cannot_be_deleted_but_can_be_archived_and_restored()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await RecordActivityAsync(host, approved.Id);

        var delete = await service.DeleteAsync(Admin, approved.ApiName, cancellationToken: Ct);
        Assert.True(delete.Has(ActivityTypeErrorCodes.HasActivities));
        Assert.Contains("Archive it instead", delete.Problems.Single().Message);

        Assert.True((await service.ArchiveAsync(Admin, approved.ApiName, cancellationToken: Ct)).Succeeded);
        var archived = (await service.GetAsync(approved.ApiName, Ct))!;
        Assert.Equal((ActivityTypeStatus.Archived, 1L), (archived.Status, archived.ActivityCount));
        Assert.True((await service.ArchiveAsync(Admin, approved.ApiName, cancellationToken: Ct)).Has(ActivityTypeErrorCodes.Archived));

        Assert.True((await service.RestoreAsync(Admin, approved.ApiName, cancellationToken: Ct)).Succeeded);
        Assert.Equal(ActivityTypeStatus.Approved, (await service.GetAsync(approved.ApiName, Ct))!.Status);
        Assert.True((await service.RestoreAsync(Admin, approved.ApiName, cancellationToken: Ct)).Has(ActivityTypeErrorCodes.NotArchived));
    }

    [Fact]
    public async Task An_archived_type_cannot_be_edited_or_approved_until_restored()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithDisplayName("Webinar joined").Build(), approved.ConcurrencyStamp, Ct);
        await service.ArchiveAsync(Admin, approved.ApiName, cancellationToken: Ct);
        var archived = (await service.GetAsync(approved.ApiName, Ct))!;

        Assert.True((await service.UpdateDraftAsync(Marketer, approved.ApiName, archived.Editing().Build(), archived.ConcurrencyStamp, Ct)).Has(ActivityTypeErrorCodes.Archived));
        Assert.True((await service.ApproveAsync(OtherAdmin, approved.ApiName, cancellationToken: Ct)).Has(ActivityTypeErrorCodes.Archived));
        Assert.Empty(await service.PendingApprovalsAsync(Admin, Ct));
    }

    [Fact]
    public async Task Marketers_cannot_archive_restore_or_delete_approved_types()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();

        Assert.True((await service.ArchiveAsync(Marketer, approved.ApiName, cancellationToken: Ct)).Has(ActivityTypeErrorCodes.AdminOnly));
        Assert.True((await service.DeleteAsync(Marketer, approved.ApiName, cancellationToken: Ct)).Has(ActivityTypeErrorCodes.AdminOnly));
        await service.ArchiveAsync(Admin, approved.ApiName, cancellationToken: Ct);
        Assert.True((await service.RestoreAsync(Marketer, approved.ApiName, cancellationToken: Ct)).Has(ActivityTypeErrorCodes.AdminOnly));
    }

    [Fact]
    public async Task A_marketer_can_delete_their_own_never_approved_draft_but_not_someone_elses()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        host.Actor.Current = Marketer; // the interceptor stamps CreatedBy from the current actor
        await service.CreateAsync(Marketer, Define.ActivityType.Build(), Ct);

        Assert.True((await service.DeleteAsync(OtherMarketer, "webinarAttended", cancellationToken: Ct)).Has(ActivityTypeErrorCodes.AdminOnly));
        Assert.True((await service.DeleteAsync(Marketer, "webinarAttended", cancellationToken: Ct)).Succeeded);
    }

    [Fact]
    public async Task A_never_approved_type_cannot_be_archived_or_have_its_only_draft_discarded()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Marketer, Define.ActivityType.Build(), Ct);

        Assert.True((await service.ArchiveAsync(Admin, "webinarAttended", cancellationToken: Ct)).Has(ActivityTypeErrorCodes.NotApproved));
        Assert.True((await service.DiscardDraftAsync(Admin, "webinarAttended", cancellationToken: Ct)).Has(ActivityTypeErrorCodes.NotApproved));
    }

    [Fact]
    public async Task Unknown_types_give_a_not_found_error()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();

        var result = await host.Get<ActivityTypeService>().ApproveAsync(Admin, "nothing", cancellationToken: Ct);

        Assert.True(result.Has(ActivityTypeErrorCodes.NotFound));
    }
}
