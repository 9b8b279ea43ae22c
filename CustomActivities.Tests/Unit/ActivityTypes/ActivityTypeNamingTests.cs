using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Tests.Unit.ActivityTypes;

public sealed class ActivityTypeNamingTests
{
    [Theory]
    [InlineData("Webinar attended", "webinarAttended")]
    [InlineData("Cheque deposited", "chequeDeposited")]
    [InlineData("  trade_show   VISITED 2026 ", "tradeShowVisited2026")]
    [InlineData("Café visited", "cafeVisited")]
    [InlineData("Chèque encaissé", "chequeEncaisse")]
    [InlineData("Übung beendet ß", "ubungBeendet")]
    [InlineData("", "")]
    public void Suggests_a_camel_case_api_name_from_the_display_name(string displayName, string expected) =>
        Assert.Equal(expected, ActivityTypeNaming.SuggestApiName(displayName));

    [Theory]
    [InlineData("Webinar attended", "Attends Webinar", "Attended Webinar")]
    [InlineData("Cheque deposited", "Deposits Cheque", "Deposited Cheque")]
    [InlineData("Purchase completed", "Completes Purchase", "Completed Purchase")]
    [InlineData("Loan applied", "Applies Loan", "Applied Loan")]
    [InlineData("Newsletter", "Newsletter", "Had Newsletter")]
    public void Suggests_present_tense_trigger_and_past_tense_filter_names(string displayName, string trigger, string filter)
    {
        Assert.Equal(trigger, ActivityTypeNaming.SuggestTriggerName(displayName));
        Assert.Equal(filter, ActivityTypeNaming.SuggestFilterName(displayName));
    }

    [Fact]
    public void A_suggested_api_name_never_exceeds_255_characters() =>
        Assert.Equal(255, ActivityTypeNaming.SuggestApiName(new string('a', 300)).Length);

    [Theory]
    [InlineData("Webinar attended", true)]
    [InlineData("Webinar_attended 2", true)]
    [InlineData("Événement visité", true)]
    [InlineData("2026", false)]
    [InlineData("___ 1", false)]
    [InlineData("Webinar-attended", false)]
    [InlineData("Webinar attended!", false)]
    [InlineData("   ", false)]
    public void Display_names_are_letters_digits_spaces_and_underscores_with_at_least_one_letter(string name, bool valid) =>
        Assert.Equal(valid, ActivityTypeRules.IsValidDisplayName(name));

    [Theory]
    [InlineData("webinarAttended", true)]
    [InlineData("webinar2026", true)]
    [InlineData("webinar_attended", false)]
    [InlineData("webinar attended", false)]
    [InlineData("wébinar", false)]
    [InlineData("", false)]
    public void Api_names_are_letters_and_digits_only(string name, bool valid) =>
        Assert.Equal(valid, ActivityTypeRules.IsValidApiName(name));

    [Theory]
    [InlineData("string", FieldDataType.String)]
    [InlineData("datetime", FieldDataType.DateTime)]
    [InlineData("Currency", FieldDataType.Currency)]
    public void Data_types_parse_from_marketos_wire_names(string wire, FieldDataType expected)
    {
        Assert.True(FieldDataTypeNames.TryParse(wire, out var parsed));
        Assert.Equal(expected, parsed);
        Assert.Equal(wire.ToLowerInvariant(), parsed.ToWire());
    }

    [Theory]
    [InlineData("decimal")]
    [InlineData("3")]
    [InlineData(null)]
    public void Unknown_data_types_do_not_parse(string? wire) => Assert.False(FieldDataTypeNames.TryParse(wire, out _));
}
