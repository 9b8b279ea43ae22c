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
    [InlineData("Email sent", "Sends Email", "Sent Email")]
    [InlineData("Order shipped", "Ships Order", "Shipped Order")]
    [InlineData("Form submitted", "Submits Form", "Submitted Form")]
    [InlineData("Order placed", "Places Order", "Placed Order")]
    [InlineData("Registered for event", "Registers for Event", "Registered for Event")]
    public void Suggests_present_tense_trigger_and_past_tense_filter_names(string displayName, string trigger, string filter)
    {
        Assert.Equal(trigger, ActivityTypeNaming.SuggestTriggerName(displayName));
        Assert.Equal(filter, ActivityTypeNaming.SuggestFilterName(displayName));
    }

    [Theory]
    [InlineData("Leave test", "Leaves test", "Left test")]
    [InlineData("Deposit cheque", "Deposits cheque", "Deposited cheque")]
    [InlineData("Attend webinar", "Attends webinar", "Attended webinar")]
    [InlineData("buy ticket", "Buys ticket", "Bought ticket")]
    [InlineData("Stop subscription", "Stops subscription", "Stopped subscription")]
    [InlineData("Apply for loan", "Applies for loan", "Applied for loan")]
    [InlineData("Submit form", "Submits form", "Submitted form")]
    [InlineData("Watch video", "Watches video", "Watched video")]
    [InlineData("Go to store", "Goes to store", "Went to store")]
    [InlineData("Visit booth", "Visits booth", "Visited booth")]
    [InlineData("Rate product", "Rates product", "Rated product")]
    [InlineData("LEAVE TEST", "LEAVES TEST", "LEFT TEST")]
    public void A_leading_verb_is_conjugated_like_marketos_examples_and_the_rest_is_kept_as_typed(string displayName, string trigger, string filter)
    {
        Assert.Equal(trigger, ActivityTypeNaming.SuggestTriggerName(displayName));
        Assert.Equal(filter, ActivityTypeNaming.SuggestFilterName(displayName));
    }

    [Fact]
    public void A_255_character_display_name_gets_suggestions_that_fit_255_characters_cut_after_a_whole_word()
    {
        var displayName = string.Join(' ', Enumerable.Repeat("Webinar", 32))[..255];

        var trigger = ActivityTypeNaming.SuggestTriggerName(displayName);
        var filter = ActivityTypeNaming.SuggestFilterName(displayName);

        Assert.Equal(255, displayName.Length);
        Assert.Equal(displayName, trigger);
        Assert.True(filter.Length <= ActivityTypeRules.MaxNameLength, $"{filter.Length} characters");
        Assert.StartsWith("Had Webinar Webinar", filter);
        Assert.EndsWith(" Webinar", filter);
    }

    [Fact]
    public void Suggestions_for_random_display_names_always_pass_the_rules()
    {
        var random = new Random(20261130);
        string[][] alphabets = [.. new[] { "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "éèêàçôûïÉÀßøåæœ", "日本語のイベント", "абвгдежз",
            "0123456789", "αβγδεζηθ", "活動記録", "  ", "_" }.Select(TextElements)];
        string[] starts = ["", "Leave ", "Deposit ", "buy ", "Go ", "Webinar ", "x"];
        string[] ends = ["", " attended", " sent", " stopped", " applied", " advanced"];
        var checkedNames = 0;
        for (var run = 0; run < 2000; run++)
        {
            var length = run % 10 == 0 ? ActivityTypeRules.MaxNameLength : random.Next(1, ActivityTypeRules.MaxNameLength + 1);
            var text = new System.Text.StringBuilder(starts[random.Next(starts.Length)]);
            while (text.Length < length)
            {
                var alphabet = alphabets[random.Next(alphabets.Length)];
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }
            var end = ends[random.Next(ends.Length)];
            var displayName = (text.ToString()[..Math.Max(1, Math.Min(text.Length, length - end.Length))] + end).Trim();
            if (HasLoneSurrogate(displayName) || !ActivityTypeRules.IsValidDisplayName(displayName) || displayName.Length > ActivityTypeRules.MaxNameLength)
            {
                continue;
            }

            checkedNames++;
            var definition = new ActivityTypeDefinition(
                ActivityTypeNaming.SuggestApiName(displayName), displayName, null,
                ActivityTypeNaming.SuggestTriggerName(displayName), ActivityTypeNaming.SuggestFilterName(displayName),
                new FieldDefinition("primary", "Primary", null, FieldDataType.String), []);

            var errors = ActivityTypeRules.Validate(definition, maxSecondaryFields: 20);
            Assert.True(errors.Count == 0, $"\"{displayName}\": {string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}"))}");
            Assert.All([definition.TriggerName, definition.FilterName], name =>
            {
                Assert.Equal(name.Trim(), name);
                Assert.False(HasLoneSurrogate(name), $"\"{name}\" cuts a character in two");
            });
        }
        Assert.True(checkedNames > 1000, $"only {checkedNames} random names were valid display names");
    }

    private static string[] TextElements(string alphabet)
    {
        var elements = new List<string>();
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(alphabet);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }
        return [.. elements];
    }

    private static bool HasLoneSurrogate(string text) =>
        text.Where((c, i) => char.IsHighSurrogate(c) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
            : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))).Any();

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
