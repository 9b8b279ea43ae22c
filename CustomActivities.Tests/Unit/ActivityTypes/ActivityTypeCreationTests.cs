using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.ActivityTypes;

public sealed class ActivityTypeCreationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_type_is_a_draft_with_its_fields_in_order_and_the_creation_is_audited()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var definition = Define.ActivityType.WithField("minutesWatched", FieldDataType.Integer).WithField("askedQuestion", FieldDataType.Boolean).Build();

        var result = await service.CreateAsync(Marketer, definition, Ct);

        Assert.True(result.Succeeded);
        var detail = (await service.GetAsync("webinarAttended", Ct))!;
        Assert.Equal(ActivityTypeStatus.Draft, detail.Status);
        Assert.Null(detail.Live);
        Assert.Equal(1, detail.Draft!.Number);
        Assert.Equal("webinarName", detail.Draft.PrimaryField.ApiName);
        Assert.Equal(["minutesWatched", "askedQuestion"], detail.Draft.Fields.Select(f => f.ApiName));
        Assert.Equal(Marketer.Label, detail.DraftEditedBy);
        await using var context = host.NewContext();
        var audit = await context.AuditEntries.SingleAsync(Ct);
        Assert.Equal((ActivityTypeService.Actions.Created, "ActivityType", detail.Id.ToString(), "mark@test.local"),
            (audit.Action, audit.EntityType, audit.EntityId, audit.Actor));
        Assert.Null(audit.Before);
        Assert.Contains("\"minutesWatched\"", audit.After);
    }

    [Fact]
    public async Task Bad_names_are_refused_with_an_error_per_field_and_nothing_is_written()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var definition = Define.ActivityType
            .WithDisplayName("2026!").WithApiName("webinar attended").WithTriggerName("").WithFilterName(new string('f', 256))
            .WithPrimary("", FieldDataType.String, "Name").WithField("minutes-watched", FieldDataType.Integer, "")
            .WithField("extra", (FieldDataType)99)
            .Build();

        var result = await service.CreateAsync(Marketer, definition, Ct);

        Assert.False(result.Succeeded);
        var byField = result.Problems.ToDictionary(e => e.Field, e => e.Code);
        Assert.Equal(ActivityTypeErrorCodes.InvalidDisplayName, byField["displayName"]);
        Assert.Equal(ActivityTypeErrorCodes.InvalidApiName, byField["apiName"]);
        Assert.Equal(ActivityTypeErrorCodes.Required, byField["triggerName"]);
        Assert.Equal(ActivityTypeErrorCodes.TooLong, byField["filterName"]);
        Assert.Equal(ActivityTypeErrorCodes.Required, byField["primaryField.apiName"]);
        Assert.Equal(ActivityTypeErrorCodes.InvalidApiName, byField["fields[0].apiName"]);
        Assert.Equal(ActivityTypeErrorCodes.Required, byField["fields[0].displayName"]);
        Assert.Equal(ActivityTypeErrorCodes.InvalidDataType, byField["fields[1].dataType"]);
        await using var context = host.NewContext();
        Assert.False(await context.ActivityTypes.AnyAsync(Ct));
        Assert.False(await context.AuditEntries.AnyAsync(Ct));
    }

    [Fact]
    public async Task An_api_name_longer_than_255_characters_is_refused()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();

        var result = await host.Get<ActivityTypeService>().CreateAsync(Marketer, Define.ActivityType.WithApiName(new string('a', 256)).Build(), Ct);

        Assert.Equal(("apiName", ActivityTypeErrorCodes.TooLong), (result.Problems.Single().Field, result.Problems.Single().Code));
    }

    [Fact]
    public async Task Api_trigger_and_filter_names_are_unique_among_types_ignoring_case()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Marketer, Define.ActivityType.Build(), Ct);

        var result = await service.CreateAsync(Marketer, Define.ActivityType.WithApiName("WebinarAttended")
            .WithTriggerName("attends webinar").WithFilterName("ATTENDED WEBINAR").Build(), Ct);

        Assert.Equal(
            [("apiName", ActivityTypeErrorCodes.DuplicateApiName), ("triggerName", ActivityTypeErrorCodes.DuplicateTriggerName), ("filterName", ActivityTypeErrorCodes.DuplicateFilterName)],
            result.Problems.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public async Task Names_taken_by_a_pending_draft_of_another_type_are_taken_too()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var approved = await service.ApprovedAsync();
        await service.UpdateDraftAsync(Marketer, approved.ApiName, approved.Editing().WithTriggerName("Joins Webinar").Build(), approved.ConcurrencyStamp, Ct);

        var errors = await service.ValidateAsync(Define.ActivityType.Named("Demo booked").WithTriggerName("joins webinar").Build(), cancellationToken: Ct);

        Assert.Equal(ActivityTypeErrorCodes.DuplicateTriggerName, errors.Single().Code);
    }

    [Fact]
    public async Task Field_api_names_are_unique_within_a_type()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();

        var result = await host.Get<ActivityTypeService>().CreateAsync(Marketer,
            Define.ActivityType.WithField("minutes", FieldDataType.Integer).WithField("WebinarName").Build(), Ct);

        Assert.Equal(("fields[1].apiName", ActivityTypeErrorCodes.DuplicateFieldApiName), (result.Problems.Single().Field, result.Problems.Single().Code));
    }

    [Fact]
    public async Task Twenty_secondary_fields_are_allowed_by_default_and_the_twenty_first_is_refused()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();

        var twenty = await service.CreateAsync(Marketer, Define.ActivityType.WithFields(20).Build(), Ct);
        var twentyOne = await service.CreateAsync(Marketer, Define.ActivityType.Named("Demo booked").WithFields(21).Build(), Ct);

        Assert.True(twenty.Succeeded);
        Assert.Equal(("fields", ActivityTypeErrorCodes.TooManyFields), (twentyOne.Problems.Single().Field, twentyOne.Problems.Single().Code));
        Assert.Contains("at most 20", twentyOne.Problems.Single().Message);
    }

    [Fact]
    public async Task The_secondary_field_limit_is_a_setting()
    {
        await using var host = await new CoreTestHostBuilder().WithSetting("ActivityTypes:MaxSecondaryFields", "2").BuildAsync();

        var result = await host.Get<ActivityTypeService>().CreateAsync(Marketer, Define.ActivityType.WithFields(3).Build(), Ct);

        Assert.True(result.Has(ActivityTypeErrorCodes.TooManyFields));
    }

    [Fact]
    public async Task Reaching_the_active_type_limit_gives_a_clear_message_and_archived_types_do_not_count()
    {
        await using var host = await new CoreTestHostBuilder().WithSetting("ActivityTypes:MaxActiveTypes", "2").BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var first = await service.ApprovedAsync(Define.ActivityType.Named("Webinar attended").Build());
        await service.CreateAsync(Marketer, Define.ActivityType.Named("Cheque deposited").Build(), Ct);

        var third = await service.CreateAsync(Marketer, Define.ActivityType.Named("Demo booked").Build(), Ct);
        Assert.True(third.Has(ActivityTypeErrorCodes.TooManyActiveTypes));
        Assert.Contains("2 active activity types", third.Problems.Single().Message);

        await service.ArchiveAsync(Admin, first.ApiName, cancellationToken: Ct);
        Assert.True((await service.CreateAsync(Marketer, Define.ActivityType.Named("Demo booked").Build(), Ct)).Succeeded);
        var restore = await service.RestoreAsync(Admin, first.ApiName, cancellationToken: Ct);
        Assert.True(restore.Has(ActivityTypeErrorCodes.TooManyActiveTypes));
    }

    [Fact]
    public async Task The_default_active_type_limit_is_100()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();

        Assert.Equal(100, host.Get<ActivityTypeService>().Limits.MaxActiveTypes);
        Assert.Equal(20, host.Get<ActivityTypeService>().Limits.MaxSecondaryFields);
    }

    [Fact]
    public async Task Every_data_type_can_be_used_for_a_field()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var builder = Define.ActivityType;
        foreach (var dataType in Enum.GetValues<FieldDataType>())
        {
            builder.WithField("f" + dataType, dataType);
        }

        Assert.True((await host.Get<ActivityTypeService>().CreateAsync(Marketer, builder.Build(), Ct)).Succeeded);

        var detail = (await host.Get<ActivityTypeService>().GetAsync("webinarAttended", Ct))!;
        Assert.Equal(Enum.GetValues<FieldDataType>(), detail.Draft!.Fields.Select(f => f.DataType));
    }

    [Fact]
    public async Task Validating_an_edit_does_not_count_the_types_own_names_as_taken()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var service = host.Get<ActivityTypeService>();
        await service.CreateAsync(Marketer, Define.ActivityType.Build(), Ct);
        var draft = (await service.GetAsync("webinarAttended", Ct))!;

        var asEdit = await service.ValidateAsync(draft.Editing().Build(), "webinarAttended", Ct);
        var asNew = await service.ValidateAsync(draft.Editing().Build(), cancellationToken: Ct);

        Assert.Empty(asEdit);
        Assert.Equal(3, asNew.Count);
    }
}
