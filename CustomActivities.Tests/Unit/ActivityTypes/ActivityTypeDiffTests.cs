using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

public sealed class ActivityTypeDiffTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_change_of_a_draft_against_the_live_version_is_labelled_addition_revision_or_breaking()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync(Builders.Define.ActivityType
            .WithField("presenter").WithField("minutesWatched", FieldDataType.Integer).WithField("askedQuestion", FieldDataType.Boolean).Build());
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing()
            .WithDisplayName("Webinar joined").SwapPrimaryWith("presenter").WithoutField("askedQuestion")
            .WithField("rating", FieldDataType.Integer, "Rating").RelabelField("minutesWatched", "Minutes").Build(), approved.ConcurrencyStamp, Ct);
        var detail = (await service.GetAsync(approved.ApiName, Ct))!;

        var diff = ActivityTypeDiff.Compare(detail.Live, detail.Draft!);

        Assert.Contains(new DiffEntry("type", "displayName", "Webinar attended", "Webinar joined", ChangeKind.Revision), diff);
        Assert.Contains(new DiffEntry("type", "primaryField", "webinarName", "presenter", ChangeKind.Breaking), diff);
        Assert.Contains(new DiffEntry("field:rating", "added", null, "Rating (integer)", ChangeKind.Addition), diff);
        Assert.Contains(new DiffEntry("field:askedQuestion", "removed", "askedQuestion (boolean)", null, ChangeKind.Breaking), diff);
        Assert.Contains(new DiffEntry("field:minutesWatched", "displayName", "minutesWatched", "Minutes", ChangeKind.Revision), diff);
        Assert.Equal(5, diff.Count);
    }

    [Fact]
    public async Task Reordering_secondary_fields_is_a_revision()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        var reordered = approved.Editing().WithoutField("minutesWatched").WithField("minutesWatched", FieldDataType.Integer).Build();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, reordered, approved.ConcurrencyStamp, Ct);
        var detail = (await service.GetAsync(approved.ApiName, Ct))!;

        var diff = ActivityTypeDiff.Compare(detail.Live, detail.Draft!);

        Assert.Equal(new DiffEntry("type", "fieldOrder", "minutesWatched, askedQuestion", "askedQuestion, minutesWatched", ChangeKind.Revision), diff.Single());
    }

    [Fact]
    public async Task A_new_type_is_all_additions_and_an_unchanged_draft_has_no_differences()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();

        var asNew = ActivityTypeDiff.Compare(null, approved.Live!);
        var unchanged = ActivityTypeDiff.Compare(approved.Live, approved.Live!);

        Assert.All(asNew, e => Assert.Equal(ChangeKind.Addition, e.Kind));
        Assert.Equal(3, asNew.Count(e => e.Aspect == "added"));
        Assert.Empty(unchanged);
    }
}
