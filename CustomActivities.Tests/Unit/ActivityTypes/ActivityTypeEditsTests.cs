using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;

namespace CustomActivities.Tests.Unit.ActivityTypes;

/// <summary>The REST API's partial requests turned into whole definitions (pure; the service's rules are tested elsewhere).</summary>
public sealed class ActivityTypeEditsTests
{
    /// <summary>Primary webinarName (string), then minutesWatched (integer) and sessionCode (string).</summary>
    private static readonly ActivityTypeDefinition Current = Define.ActivityType
        .WithField("minutesWatched", FieldDataType.Integer, "Minutes watched")
        .WithField("sessionCode", FieldDataType.String, "Session code")
        .Build();

    private static string[] Names(DefinitionEdit edit) => [.. edit.Definition!.AllFields.Select(f => f.ApiName)];

    private static (string Field, string Code) Single(DefinitionEdit edit) => (edit.Errors.Single().Field, edit.Errors.Single().Code);

    [Fact]
    public void A_new_type_takes_its_names_and_primary_attribute_from_the_request()
    {
        var edit = ActivityTypeEdits.New(new TypeChange("chequeDeposited", "Cheque deposited", null, "Deposits cheque", "Deposited cheque",
            new AttributeChange("amount", "Amount", "In euros", "currency")));

        Assert.Empty(edit.Errors);
        Assert.Equal(("chequeDeposited", "Deposits cheque"), (edit.Definition!.ApiName, edit.Definition.TriggerName));
        Assert.Equal(new FieldDefinition("amount", "Amount", "In euros", FieldDataType.Currency), edit.Definition.PrimaryField);
        Assert.Empty(edit.Definition.Fields);
    }

    [Theory]
    [InlineData(" ", ActivityTypeErrorCodes.Required)]
    [InlineData("money", ActivityTypeErrorCodes.InvalidDataType)]
    [InlineData("3", ActivityTypeErrorCodes.InvalidDataType)]
    public void A_new_type_needs_a_known_data_type_for_its_primary_attribute(string? dataType, string code)
    {
        var edit = ActivityTypeEdits.New(new TypeChange("x", "X", null, "T", "F", new AttributeChange("amount", "Amount", DataType: dataType)));

        Assert.Null(edit.Definition);
        Assert.Equal(("primaryField.dataType", code), Single(edit));
    }

    [Fact]
    public void A_new_primary_attribute_sent_without_data_type_is_a_string_as_in_Marketos_create_example()
    {
        var edit = ActivityTypeEdits.New(new TypeChange("attendConference", "Attend Conference", null, "Attends Conference", "Attended Conference",
            new AttributeChange("conferenceName", "Conference Name", "Name of the conference")));

        Assert.Empty(edit.Errors);
        Assert.Equal(FieldDataType.String, edit.Definition!.PrimaryField.DataType);
    }

    [Fact]
    public void A_new_type_without_primary_attribute_is_refused()
    {
        Assert.Equal(("primaryField", ActivityTypeErrorCodes.Required), Single(ActivityTypeEdits.New(new TypeChange("x", "X"))));
    }

    [Fact]
    public void An_update_changes_what_was_sent_and_an_empty_description_clears_it()
    {
        var edit = ActivityTypeEdits.Update(Current, new TypeChange(Name: "Webinar joined", Description: ""));

        Assert.Equal(("Webinar joined", "", "Attends Webinar"), (edit.Definition!.DisplayName, edit.Definition.Description, edit.Definition.TriggerName));
        Assert.Equal(Current.AllFields, edit.Definition.AllFields);
    }

    [Fact]
    public void An_update_naming_an_existing_attribute_primary_swaps_it_with_the_primary()
    {
        var edit = ActivityTypeEdits.Update(Current, new TypeChange(PrimaryAttribute: new AttributeChange("sessionCode", "Code")));

        Assert.Equal(["sessionCode", "minutesWatched", "webinarName"], Names(edit));
        Assert.Equal("Code", edit.Definition!.PrimaryField.DisplayName);
    }

    [Fact]
    public void An_update_naming_a_new_primary_attribute_replaces_the_primary()
    {
        var edit = ActivityTypeEdits.Update(Current, new TypeChange(PrimaryAttribute: new AttributeChange("title", "Title", DataType: "text")));

        Assert.Equal(["title", "minutesWatched", "sessionCode"], Names(edit));
        Assert.Equal(FieldDataType.Text, edit.Definition!.PrimaryField.DataType);
    }

    [Fact]
    public void Added_attributes_are_appended_in_order()
    {
        var edit = ActivityTypeEdits.AddAttributes(Current,
            [new AttributeChange("rating", "Rating", "1 to 5", "integer"), new AttributeChange("joinedAt", "Joined at", DataType: "datetime")]);

        Assert.Equal(["webinarName", "minutesWatched", "sessionCode", "rating", "joinedAt"], Names(edit));
        Assert.Equal(new FieldDefinition("joinedAt", "Joined at", null, FieldDataType.DateTime), edit.Definition!.Fields[^1]);
    }

    [Fact]
    public void An_added_primary_attribute_demotes_the_old_primary_to_the_first_secondary_attribute()
    {
        var edit = ActivityTypeEdits.AddAttributes(Current, [new AttributeChange("title", "Title", DataType: "string", IsPrimary: true)]);

        Assert.Equal(["title", "webinarName", "minutesWatched", "sessionCode"], Names(edit));
    }

    [Fact]
    public void Adding_refuses_existing_attributes_repeats_bad_input_and_two_primaries_and_names_the_request_entries()
    {
        var edit = ActivityTypeEdits.AddAttributes(Current,
        [
            new AttributeChange("MinutesWatched", "Minutes", DataType: "integer"),
            new AttributeChange("rating", "Rating", DataType: "integer", IsPrimary: true),
            new AttributeChange("rating", "Rating again", DataType: "integer", IsPrimary: true),
            new AttributeChange("bad name", "", DataType: "colour"),
        ]);

        Assert.Null(edit.Definition);
        Assert.Equal(
            [
                ("attributes", ActivityTypeErrorCodes.OnePrimaryField),
                ("attributes[0].apiName", ActivityTypeErrorCodes.DuplicateFieldApiName),
                ("attributes[2].apiName", ActivityTypeErrorCodes.DuplicateFieldApiName),
                ("attributes[3].dataType", ActivityTypeErrorCodes.InvalidDataType),
                ("attributes[3].displayName", ActivityTypeErrorCodes.Required),
                ("attributes[3].apiName", ActivityTypeErrorCodes.InvalidApiName),
            ],
            edit.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void An_attribute_update_changes_only_what_was_sent()
    {
        var edit = ActivityTypeEdits.UpdateAttributes(Current, [new AttributeChange("minutesWatched", Description: "How long", DataType: "float")]);

        Assert.Equal(new FieldDefinition("minutesWatched", "Minutes watched", "How long", FieldDataType.Float), edit.Definition!.Fields[0]);
        Assert.Equal(Current.PrimaryField, edit.Definition.PrimaryField);
    }

    [Fact]
    public void Promoting_a_secondary_attribute_swaps_places_with_the_primary_also_when_the_primary_is_demoted_in_the_same_call()
    {
        var promoted = ActivityTypeEdits.UpdateAttributes(Current, [new AttributeChange("sessionCode", IsPrimary: true)]);
        var swapped = ActivityTypeEdits.UpdateAttributes(Current,
            [new AttributeChange("webinarName", IsPrimary: false), new AttributeChange("sessionCode", "Code", IsPrimary: true)]);

        Assert.Equal(["sessionCode", "minutesWatched", "webinarName"], Names(promoted));
        Assert.Equal(["sessionCode", "minutesWatched", "webinarName"], Names(swapped));
        Assert.Equal("Code", swapped.Definition!.PrimaryField.DisplayName);
    }

    [Fact]
    public void The_primary_cannot_just_be_demoted_because_a_type_always_has_one()
    {
        var edit = ActivityTypeEdits.UpdateAttributes(Current, [new AttributeChange("webinarName", IsPrimary: false)]);

        Assert.Equal(("attributes[0].isPrimary", ActivityTypeErrorCodes.OnePrimaryField), Single(edit));
    }

    [Fact]
    public void Updating_an_unknown_or_unnamed_attribute_or_with_a_bad_value_is_refused()
    {
        var edit = ActivityTypeEdits.UpdateAttributes(Current,
            [new AttributeChange("colour", "Colour"), new AttributeChange(null, "x"), new AttributeChange("sessionCode", Name: " ")]);

        Assert.Equal(
            [
                ("attributes[0].apiName", ActivityTypeErrorCodes.FieldNotFound),
                ("attributes[1].apiName", ActivityTypeErrorCodes.Required),
                ("attributes[2].displayName", ActivityTypeErrorCodes.Required),
            ],
            edit.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Removing_takes_secondary_attributes_out_but_never_the_primary_or_an_unknown_one()
    {
        var removed = ActivityTypeEdits.RemoveAttributes(Current, ["minutesWatched"]);
        var refused = ActivityTypeEdits.RemoveAttributes(Current, ["webinarName", "colour", "sessionCode"]);

        Assert.Equal(["webinarName", "sessionCode"], Names(removed));
        Assert.Equal(
            [("attributes[0].apiName", ActivityTypeErrorCodes.PrimaryFieldRemoved), ("attributes[1].apiName", ActivityTypeErrorCodes.FieldNotFound)],
            refused.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void An_empty_attribute_list_is_a_missing_value()
    {
        Assert.Equal(("attributes", ActivityTypeErrorCodes.Required), Single(ActivityTypeEdits.AddAttributes(Current, [])));
        Assert.Equal(("attributes", ActivityTypeErrorCodes.Required), Single(ActivityTypeEdits.UpdateAttributes(Current, [])));
        Assert.Equal(("attributes", ActivityTypeErrorCodes.Required), Single(ActivityTypeEdits.RemoveAttributes(Current, [])));
    }
}
