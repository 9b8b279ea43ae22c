using System.Globalization;
using CustomActivities.Core.Results;

namespace CustomActivities.Core.SmartLists;

/// <summary>
/// Why a smart list cannot be evaluated or saved (worded by the UI from "Problem.{code}"). A filter's problem has the field
/// "filters[n]" (its constraints' "filters[n].values", n 1-based) and the filter number as first argument; an advanced
/// expression's problem has the field "expression" and the 1-based character as first argument.
/// </summary>
[ProblemCodes]
public static class SmartListProblems
{
    public const string Required = CommonProblems.Required;
    public const string TooLong = CommonProblems.TooLong;
    [ProblemKind(ProblemKind.Conflict)]
    public const string NameTaken = "smartListNameTaken";
    [ProblemKind(ProblemKind.NotFound)]
    public const string NotFound = "smartListNotFound";
    public const string NoFilters = "smartListNoFilters";
    public const string TooManyFilters = "smartListTooManyFilters";
    public const string UnknownActivityType = "filterUnknownActivityType";
    public const string UnknownField = "filterUnknownField";
    public const string OperatorNotForType = "filterOperatorNotForType";
    public const string ValueMissing = "filterValueMissing";
    public const string ValueCount = "filterValueCount";
    public const string InvalidNumber = "filterInvalidNumber";
    public const string InvalidDate = "filterInvalidDate";
    public const string InvalidDayCount = "filterInvalidDayCount";
    public const string RangeReversed = "filterRangeReversed";
    public const string InvalidWindow = "filterInvalidWindow";
    public const string InvalidTimes = "filterInvalidTimes";
    public const string UnknownList = "filterUnknownList";
    public const string UnknownAttribute = "filterUnknownAttribute";
    public const string ExpressionEmpty = "expressionEmpty";
    public const string ExpressionUnexpected = "expressionUnexpected";
    public const string ExpressionUnexpectedEnd = "expressionUnexpectedEnd";
    public const string ExpressionUnclosed = "expressionUnclosed";
    public const string ExpressionUnknownFilter = "expressionUnknownFilter";
    public const string ExpressionMixedOperators = "expressionMixedOperators";
    public const string UnsupportedVersion = "smartListUnsupportedVersion";
    public const string Malformed = "smartListMalformed";

    /// <summary>A problem of filter <paramref name="number"/>: "Filter n: …" in the English message, the number as argument.</summary>
    public static Problem OfFilter(int number, string code, string message) =>
        new(SmartListFields.Filter(number), code, $"Filter {number}: {message}") { Arguments = [number] };

    /// <summary>A problem of a constraint's values in filter <paramref name="number"/>.</summary>
    public static Problem OfValues(int number, string code, string message) =>
        new(SmartListFields.Values(number), code, $"Filter {number}: {message}") { Arguments = [number] };

    /// <summary>A problem of the advanced expression at the 0-based <paramref name="position"/> (the argument is the 1-based character).</summary>
    public static Problem OfExpression(string code, string message, int position, params object[] more) =>
        new(SmartListFields.Expression, code, message) { Arguments = [position + 1, .. more] };

    public static Problem NameTakenBy(string name) => new("name", NameTaken, $"Another smart list is already named '{name}'.") { Arguments = [name] };

    public static Problem NotFoundFor(int id) => new("", NotFound, $"Smart list {id} not found.");
}

/// <summary>The inputs a smart list problem can be about (its <see cref="Problem.Field"/>).</summary>
public static class SmartListFields
{
    public const string Filters = "filters";
    public const string Expression = "expression";

    /// <summary>Filter <paramref name="number"/> (1-based) as a whole.</summary>
    public static string Filter(int number) => string.Create(CultureInfo.InvariantCulture, $"filters[{number}]");

    /// <summary>The values of a constraint of filter <paramref name="number"/>.</summary>
    public static string Values(int number) => Filter(number) + ".values";
}
