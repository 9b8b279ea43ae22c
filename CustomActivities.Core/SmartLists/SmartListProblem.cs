namespace CustomActivities.Core.SmartLists;

/// <summary>
/// Why a smart list cannot be evaluated or saved: a stable code (the UI's resource key suffix), an English message,
/// the filter it concerns (1-based) and, for the advanced expression, the character position (0-based).
/// </summary>
public sealed record SmartListProblem(string Code, string Message, int? FilterNumber = null, int? Position = null);

public static class SmartListProblemCodes
{
    public const string NoFilters = "no-filters";
    public const string TooManyFilters = "too-many-filters";
    public const string UnknownActivityType = "unknown-activity-type";
    public const string UnknownField = "unknown-field";
    public const string OperatorNotForType = "operator-not-for-type";
    public const string ValueMissing = "value-missing";
    public const string ValueCount = "value-count";
    public const string InvalidNumber = "invalid-number";
    public const string InvalidDate = "invalid-date";
    public const string InvalidDayCount = "invalid-day-count";
    public const string RangeReversed = "range-reversed";
    public const string InvalidWindow = "invalid-window";
    public const string InvalidTimes = "invalid-times";
    public const string UnknownList = "unknown-list";
    public const string UnknownAttribute = "unknown-attribute";
    public const string ExpressionEmpty = "expression-empty";
    public const string ExpressionUnexpected = "expression-unexpected";
    public const string ExpressionUnexpectedEnd = "expression-unexpected-end";
    public const string ExpressionUnclosed = "expression-unclosed";
    public const string ExpressionUnknownFilter = "expression-unknown-filter";
    public const string ExpressionMixedOperators = "expression-mixed-operators";
    public const string UnsupportedVersion = "unsupported-version";
    public const string Malformed = "malformed";
}
