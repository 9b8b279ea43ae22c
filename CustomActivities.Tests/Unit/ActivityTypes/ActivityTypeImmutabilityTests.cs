using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Support;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

/// <summary>After the first approval the API name, the approved fields' API names and data types never change.</summary>
public sealed class ActivityTypeImmutabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(ActivityTypeService Service, ActivityTypeDetail Approved, CoreTestHost Host)> ApprovedTypeAsync()
    {
        var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        return (service, await service.ApprovedAsync(), host);
    }

    [Fact]
    public async Task The_api_name_of_an_approved_type_cannot_change()
    {
        var (service, approved, host) = await ApprovedTypeAsync();
        await using var _ = host;

        var result = await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithApiName("webinarJoined").Build(), approved.ConcurrencyStamp, Ct);

        Assert.Equal(("apiName", ActivityTypeErrorCodes.ApiNameImmutable), (result.Problems.Single().Field, result.Problems.Single().Code));
        Assert.Equal(ActivityTypeStatus.Approved, (await service.GetAsync(approved.ApiName, Ct))!.Status);
    }

    [Fact]
    public async Task An_approved_fields_data_type_cannot_change()
    {
        var (service, approved, host) = await ApprovedTypeAsync();
        await using var _ = host;

        var result = await service.UpdateDraftAsync(Marketer, approved.ApiName,
            approved.Editing().RetypeField("minutesWatched", FieldDataType.Float).Build(), approved.ConcurrencyStamp, Ct);

        Assert.Equal(("fields[0].dataType", ActivityTypeErrorCodes.FieldDataTypeImmutable), (result.Problems.Single().Field, result.Problems.Single().Code));
        Assert.Contains("Remove it and add a new field", result.Problems.Single().Message);
    }

    [Fact]
    public async Task An_approved_fields_api_name_cannot_change_even_in_case()
    {
        var (service, approved, host) = await ApprovedTypeAsync();
        await using var _ = host;
        var definition = approved.Editing().WithoutField("minutesWatched").WithField("MinutesWatched", FieldDataType.Integer).Build();

        var result = await service.UpdateDraftAsync(Marketer, approved.ApiName, definition, approved.ConcurrencyStamp, Ct);

        Assert.True(result.Has(ActivityTypeErrorCodes.FieldApiNameImmutable));
    }

    [Fact]
    public async Task A_draft_may_add_fields_remove_secondary_fields_and_change_labels_and_names()
    {
        var (service, approved, host) = await ApprovedTypeAsync();
        await using var _ = host;
        var definition = approved.Editing()
            .WithoutField("askedQuestion").WithField("rating", FieldDataType.Integer, "Rating")
            .RelabelField("webinarName", "Webinar title").WithDisplayName("Webinar joined")
            .WithTriggerName("Joins Webinar").WithFilterName("Joined Webinar").WithDescription("Changed")
            .Build();

        var result = await service.UpdateDraftAsync(Marketer, approved.ApiName, definition, approved.ConcurrencyStamp, Ct);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var draft = (await service.GetAsync(approved.ApiName, Ct))!.Draft!;
        Assert.Equal(["webinarName", "minutesWatched", "rating"], draft.AllFields.Select(f => f.ApiName));
        Assert.Equal(("Webinar title", "Joins Webinar"), (draft.PrimaryField.DisplayName, draft.TriggerName));
    }

    [Fact]
    public async Task A_removed_field_can_come_back_with_another_data_type_only_under_a_new_api_name()
    {
        var (service, approved, host) = await ApprovedTypeAsync();
        await using var _ = host;

        var sameName = await service.UpdateDraftAsync(Marketer, approved.ApiName,
            approved.Editing().WithoutField("minutesWatched").WithField("minutesWatched", FieldDataType.Float).Build(), approved.ConcurrencyStamp, Ct);
        var newName = await service.UpdateDraftAsync(Marketer, approved.ApiName,
            approved.Editing().WithoutField("minutesWatched").WithField("minutesWatchedExact", FieldDataType.Float).Build(), approved.ConcurrencyStamp, Ct);

        Assert.True(sameName.Has(ActivityTypeErrorCodes.FieldDataTypeImmutable));
        Assert.True(newName.Succeeded);
    }

    [Fact]
    public async Task The_primary_field_cannot_be_removed()
    {
        var (service, approved, host) = await ApprovedTypeAsync();
        await using var _ = host;

        var result = await service.UpdateDraftAsync(Marketer, approved.ApiName,
            approved.Editing().WithPrimary("topic").Build(), approved.ConcurrencyStamp, Ct);

        Assert.Equal(("primaryField", ActivityTypeErrorCodes.PrimaryFieldRemoved), (result.Problems.Single().Field, result.Problems.Single().Code));
    }

    [Fact]
    public async Task The_primary_field_may_be_swapped_with_a_secondary_field_of_the_same_data_type_only()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync(Builders.Define.ActivityType
            .WithField("presenter").WithField("minutesWatched", FieldDataType.Integer).Build());

        var otherType = await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().SwapPrimaryWith("minutesWatched").Build(), approved.ConcurrencyStamp, Ct);
        var sameType = await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().SwapPrimaryWith("presenter").Build(), approved.ConcurrencyStamp, Ct);

        Assert.Equal(("primaryField", ActivityTypeErrorCodes.PrimarySwapInvalid), (otherType.Problems.Single().Field, otherType.Problems.Single().Code));
        Assert.True(sameType.Succeeded, string.Join("; ", sameType.Problems));
        Assert.True((await service.ApproveAsync(Admin, approved.ApiName, cancellationToken: Ct)).Succeeded);
        var live = (await service.GetAsync(approved.ApiName, Ct))!.Live!;
        Assert.Equal(("presenter", "webinarName"), (live.PrimaryField.ApiName, live.Fields[0].ApiName));
    }

    [Fact]
    public async Task The_rules_apply_to_the_live_version_so_a_later_draft_cannot_change_what_an_earlier_one_added()
    {
        var (service, approved, host) = await ApprovedTypeAsync();
        await using var _ = host;
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithField("rating", FieldDataType.Integer).Build(), approved.ConcurrencyStamp, Ct);
        await service.ApproveAsync(Admin, approved.ApiName, cancellationToken: Ct);
        var v2 = (await service.GetAsync(approved.ApiName, Ct))!;

        var result = await service.UpdateDraftAsync(Marketer, approved.ApiName, v2.Editing().RetypeField("rating", FieldDataType.Float).Build(), v2.ConcurrencyStamp, Ct);

        Assert.True(result.Has(ActivityTypeErrorCodes.FieldDataTypeImmutable));
    }

    [Fact]
    public async Task The_wizard_validation_reports_immutability_before_submitting()
    {
        var (service, approved, host) = await ApprovedTypeAsync();
        await using var _ = host;

        var errors = await service.ValidateAsync(approved.Editing().RetypeField("minutesWatched", FieldDataType.Text).Build(), approved.ApiName, Ct);

        Assert.Equal(ActivityTypeErrorCodes.FieldDataTypeImmutable, errors.Single().Code);
    }
}
