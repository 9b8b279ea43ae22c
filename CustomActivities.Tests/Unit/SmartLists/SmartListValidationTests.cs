using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.SmartLists;

namespace CustomActivities.Tests.Unit.SmartLists;

public sealed class SmartListValidationTests
{
    private static readonly SmartListFilterOptions Options = new(
    [
        new FilterableType(100_001, "webinarAttended", "Attended webinar", "Webinar attended", false, false,
        [
            new FilterableField("webinarName", "Webinar name", FieldDataType.String, true),
            new FilterableField("seats", "Seats", FieldDataType.Integer, false),
            new FilterableField("startDate", "Start date", FieldDataType.Date, false),
        ]),
    ], [new FilterableList(7, "VIP")]);

    private static SmartListFilter Webinar(params FieldConstraint[] constraints) => SmartListFilter.Activity(100_001, constraints);

    [Theory]
    [InlineData("1 and (2 or not 3)", 3, "(1 and (2 or (not 3)))")]
    [InlineData("1 AND 2 and 3", 3, "((1 and 2) and 3)")]
    [InlineData("not not 1", 1, "(not (not 1))")]
    [InlineData("((2)) or 1", 2, "(2 or 1)")]
    public void The_expression_parses_into_its_tree(string expression, int filters, string expected)
    {
        var parsed = LogicExpression.Parse(expression, filters);

        Assert.Null(parsed.Problem);
        Assert.Equal(expected, Show(parsed.Root!));
    }

    [Theory]
    [InlineData("", 2, SmartListProblems.ExpressionEmpty, 0)]
    [InlineData("1 and", 2, SmartListProblems.ExpressionUnexpectedEnd, 5)]
    [InlineData("1 and 3", 2, SmartListProblems.ExpressionUnknownFilter, 6)]
    [InlineData("0", 2, SmartListProblems.ExpressionUnknownFilter, 0)]
    [InlineData("(1 or 2", 2, SmartListProblems.ExpressionUnclosed, 0)]
    [InlineData("1 or 2)", 2, SmartListProblems.ExpressionUnexpected, 6)]
    [InlineData("1 2", 2, SmartListProblems.ExpressionUnexpected, 2)]
    [InlineData("1 xor 2", 2, SmartListProblems.ExpressionUnexpected, 2)]
    [InlineData("1 & 2", 2, SmartListProblems.ExpressionUnexpected, 2)]
    [InlineData("1 and 2 or 1", 2, SmartListProblems.ExpressionMixedOperators, 8)]
    [InlineData("99999999999 or 1", 2, SmartListProblems.ExpressionUnknownFilter, 0)]
    public void A_bad_expression_names_the_problem_and_its_position(string expression, int filters, string code, int position)
    {
        var parsed = LogicExpression.Parse(expression, filters);

        Assert.Null(parsed.Root);
        Assert.Equal(code, parsed.Problem!.Code);
        Assert.Equal(SmartListFields.Expression, parsed.Problem.Field);
        // The wording's first argument is the 1-based character the reader counts.
        Assert.Equal(position + 1, parsed.Problem.Arguments[0]);
    }

    public static TheoryData<SmartListFilter, string> BadFilters => new()
    {
        { SmartListFilter.Activity(5), SmartListProblems.UnknownActivityType },
        { Webinar(FieldConstraint.Of("nope", ConstraintOperator.Is, "x")), SmartListProblems.UnknownField },
        { Webinar(FieldConstraint.Of("seats", ConstraintOperator.Contains, "1")), SmartListProblems.OperatorNotForType },
        { Webinar(FieldConstraint.Of("webinarName", ConstraintOperator.Is)), SmartListProblems.ValueMissing },
        { Webinar(FieldConstraint.Of("webinarName", ConstraintOperator.Is, "")), SmartListProblems.ValueMissing },
        { Webinar(FieldConstraint.Of("seats", ConstraintOperator.Between, "1")), SmartListProblems.ValueCount },
        { Webinar(FieldConstraint.Of("seats", ConstraintOperator.Equal, "ten")), SmartListProblems.InvalidNumber },
        { Webinar(FieldConstraint.Of("seats", ConstraintOperator.Between, "9", "1")), SmartListProblems.RangeReversed },
        { Webinar(FieldConstraint.Of("startDate", ConstraintOperator.On, "01/02/2026")), SmartListProblems.InvalidDate },
        { Webinar(FieldConstraint.Of("startDate", ConstraintOperator.InPastDays, "0")), SmartListProblems.InvalidDayCount },
        { new SmartListFilter(SmartListFilterKind.Activity, 100_001, Window: ActivityWindow.Past(0)), SmartListProblems.InvalidWindow },
        { new SmartListFilter(SmartListFilterKind.Activity, 100_001, Window: new ActivityWindow(WindowKind.Between, From: new DateOnly(2026, 2, 1), To: new DateOnly(2026, 1, 1))), SmartListProblems.InvalidWindow },
        { new SmartListFilter(SmartListFilterKind.Activity, 100_001, Times: new ActivityTimes(TimesComparison.AtLeast, 0)), SmartListProblems.InvalidTimes },
        { SmartListFilter.MemberOf(8), SmartListProblems.UnknownList },
        { SmartListFilter.Attribute("shoeSize", ConstraintOperator.Is, "9"), SmartListProblems.UnknownAttribute },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public void A_bad_filter_is_named_by_its_number(SmartListFilter bad, string code)
    {
        var query = new SmartListQuery([Webinar(), bad]);

        var validation = SmartListValidator.Validate(query, Options);

        Assert.False(validation.IsValid);
        var problem = Assert.Single(validation.Problems);
        Assert.Equal(code, problem.Code);
        Assert.StartsWith(SmartListFields.Filter(2), problem.Field, StringComparison.Ordinal);
        Assert.Equal(2, problem.Arguments[0]);
        Assert.StartsWith("Filter 2: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_asks_for_a_filter()
    {
        Assert.Equal(SmartListProblems.NoFilters, Assert.Single(SmartListValidator.Validate(SmartListQuery.Empty, Options).Problems).Code);
    }

    [Fact]
    public void The_stored_json_is_versioned_and_round_trips()
    {
        var query = new SmartListQuery(
        [
            new SmartListFilter(SmartListFilterKind.Activity, 100_001, Not: true,
                Constraints: [FieldConstraint.Of("seats", ConstraintOperator.Between, "1", "5")],
                Window: ActivityWindow.Dates(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)), Times: new ActivityTimes(TimesComparison.AtMost, 2)),
            SmartListFilter.MemberOf(7),
        ], SmartListLogic.Advanced, "1 or 2");

        var json = SmartListJson.Serialize(query);
        var read = SmartListJson.Deserialize(json).Value!;

        Assert.StartsWith("{\"version\":1,\"logic\":\"advanced\"", json);
        Assert.Contains("\"operator\":\"between\"", json);
        Assert.Equal(SmartListJson.Serialize(read), json);
        Assert.Equal(new DateOnly(2026, 2, 1), read.Filters[0].Window!.To);
        Assert.Equal("5", read.Filters[0].ConstraintList[0].Values[1]);
    }

    [Theory]
    [InlineData("{\"version\":2,\"logic\":\"all\",\"filters\":[]}", SmartListProblems.UnsupportedVersion)]
    [InlineData("{\"version\":1,\"logic\":\"sometimes\"}", SmartListProblems.Malformed)]
    [InlineData("not json", SmartListProblems.Malformed)]
    [InlineData("", SmartListProblems.Malformed)]
    public void A_stored_list_that_cannot_be_read_gives_a_problem_not_an_exception(string json, string code)
    {
        Assert.Equal(code, Assert.Single(SmartListJson.Deserialize(json).Problems).Code);
    }

    private static string Show(LogicNode node) => node switch
    {
        LogicNode.Filter f => f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        LogicNode.And a => $"({Show(a.Left)} and {Show(a.Right)})",
        LogicNode.Or o => $"({Show(o.Left)} or {Show(o.Right)})",
        LogicNode.Not n => $"(not {Show(n.Operand)})",
        _ => "?",
    };
}
