using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Auditing;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

/// <summary>The service's partial edits (the REST API's type and attribute endpoints) follow the same lifecycle rules as the wizard.</summary>
public sealed class ActivityTypePartialEditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ActivityTypeDefinition WithTwoStrings = Define.ActivityType
        .WithField("minutesWatched", FieldDataType.Integer).WithField("sessionCode", FieldDataType.String).Build();

    private static async Task<int> AuditCountAsync(CoreTestHost host)
    {
        await using var context = host.NewContext();
        return await context.AuditEntries.CountAsync(Ct);
    }

    [Fact]
    public async Task Adding_attributes_to_an_approved_type_starts_a_draft_and_leaves_the_live_version_alone()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync(WithTwoStrings);

        var result = await service.AddAttributesAsync(Marketer, approved.ApiName, [new AttributeChange("rating", "Rating", null, "integer")], Ct);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var detail = (await service.GetAsync(approved.ApiName, Ct))!;
        Assert.Equal(ActivityTypeStatus.ApprovedWithDraft, detail.Status);
        Assert.Equal(["webinarName", "minutesWatched", "sessionCode", "rating"], detail.Draft!.AllFields.Select(f => f.ApiName));
        Assert.Equal(["webinarName", "minutesWatched", "sessionCode"], detail.Live!.AllFields.Select(f => f.ApiName));
        Assert.Equal("mark@test.local", detail.DraftEditedBy);
    }

    [Fact]
    public async Task A_second_partial_edit_starts_from_the_pending_draft()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync(WithTwoStrings);
        await service.AddAttributesAsync(Marketer, approved.ApiName, [new AttributeChange("rating", "Rating", null, "integer")], Ct);

        var result = await service.RemoveAttributesAsync(Marketer, approved.ApiName, ["minutesWatched"], Ct);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var draft = (await service.GetAsync(approved.ApiName, Ct))!.Draft!;
        Assert.Equal(["webinarName", "sessionCode", "rating"], draft.AllFields.Select(f => f.ApiName));
    }

    [Fact]
    public async Task Changing_an_approved_attributes_data_type_is_refused_and_nothing_is_written()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync(WithTwoStrings);
        var audits = await AuditCountAsync(host);

        var result = await service.UpdateAttributesAsync(Marketer, approved.ApiName, [new AttributeChange("minutesWatched", DataType: "float")], Ct);

        Assert.Equal(ActivityTypeErrorCodes.FieldDataTypeImmutable, result.Problems.Single().Code);
        var after = (await service.GetAsync(approved.ApiName, Ct))!;
        Assert.Equal((ActivityTypeStatus.Approved, approved.ConcurrencyStamp), (after.Status, after.ConcurrencyStamp));
        Assert.Equal(audits, await AuditCountAsync(host));
    }

    [Fact]
    public async Task After_approval_the_primary_can_be_swapped_with_an_approved_attribute_of_its_data_type_only()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync(WithTwoStrings);

        var otherType = await service.UpdateAttributesAsync(Marketer, approved.ApiName, [new AttributeChange("minutesWatched", IsPrimary: true)], Ct);
        var newField = await service.AddAttributesAsync(Marketer, approved.ApiName, [new AttributeChange("title", "Title", null, "string", IsPrimary: true)], Ct);
        var swap = await service.UpdateAttributesAsync(Marketer, approved.ApiName, [new AttributeChange("sessionCode", IsPrimary: true)], Ct);

        Assert.True(otherType.Has(ActivityTypeErrorCodes.PrimarySwapInvalid));
        Assert.True(newField.Has(ActivityTypeErrorCodes.PrimarySwapInvalid));
        Assert.True(swap.Succeeded, string.Join("; ", swap.Problems));
        Assert.Equal(["sessionCode", "minutesWatched", "webinarName"], (await service.GetAsync(approved.ApiName, Ct))!.Draft!.AllFields.Select(f => f.ApiName));
    }

    [Fact]
    public async Task A_type_level_update_keeps_the_attributes_and_may_rename_a_type_that_was_never_approved()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Marketer, WithTwoStrings, Ct);

        var result = await service.UpdateDraftAsync(Marketer, WithTwoStrings.ApiName, new TypeChange(ApiName: "webinarJoined", Name: "Webinar joined"), Ct);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("webinarJoined", result.Value);
        var draft = (await service.GetAsync("webinarJoined", Ct))!.Draft!;
        Assert.Equal(("Webinar joined", 3), (draft.DisplayName, draft.AllFields.Count()));
    }

    [Fact]
    public async Task An_unknown_type_is_not_found()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();

        var result = await host.Get<ActivityTypeService>().AddAttributesAsync(Marketer, "noSuchType", [new AttributeChange("a", "A", null, "string")], Ct);

        Assert.True(result.Has(ActivityTypeErrorCodes.NotFound));
    }

    [Fact]
    public void A_full_permission_client_acts_as_an_admin_and_the_others_do_not()
    {
        Assert.Equal(
            [true, false, false],
            new[] { ApiPermission.Full, ApiPermission.WriteActivitiesAndLeads, ApiPermission.ReadOnly }.Select(p => new ApiCaller(7, "crm", p).Actor.IsAdmin));
        Assert.Equal((ActorKind.ApiClient, "api:crm"), (new ApiCaller(7, "crm", ApiPermission.Full).Actor.Kind, new ApiCaller(7, "crm", ApiPermission.Full).Actor.Label));
    }
}
