namespace CustomActivities.Core.SmartLists;

/// <summary>How the filters combine: all of them, any of them, or an expression over their numbers.</summary>
public enum SmartListLogic
{
    All,
    Any,
    Advanced,
}

public enum SmartListFilterKind
{
    /// <summary>Did (or did not do) an activity of one type, custom or standard.</summary>
    Activity,
    /// <summary>A field of the person: email, email domain, first/last name, company, created date.</summary>
    PersonAttribute,
    /// <summary>Is (or is not) on a static list.</summary>
    ListMembership,
}

/// <summary>
/// A constraint on one field. <see cref="Values"/> are invariant text: numbers as "12.5", dates as "yyyy-MM-dd" (read in the
/// evaluation's time zone), day counts as "30"; several values of a text operator mean any of them.
/// </summary>
public sealed record FieldConstraint(string Field, ConstraintOperator Operator, IReadOnlyList<string> Values)
{
    public static FieldConstraint Of(string field, ConstraintOperator op, params string[] values) => new(field, op, values);
}

public enum WindowKind
{
    InPast,
    Between,
    Before,
    After,
}

public enum WindowUnit
{
    Days,
    Weeks,
    Months,
}

/// <summary>When the activity happened: in the past N units, between two dates (inclusive), before or after a date.</summary>
public sealed record ActivityWindow(WindowKind Kind, int Amount = 0, WindowUnit Unit = WindowUnit.Days, DateOnly? From = null, DateOnly? To = null)
{
    public static ActivityWindow Past(int amount, WindowUnit unit = WindowUnit.Days) => new(WindowKind.InPast, amount, unit);
    public static ActivityWindow Dates(DateOnly from, DateOnly to) => new(WindowKind.Between, From: from, To: to);
    public static ActivityWindow BeforeDate(DateOnly date) => new(WindowKind.Before, To: date);
    public static ActivityWindow AfterDate(DateOnly date) => new(WindowKind.After, From: date);
}

public enum TimesComparison
{
    AtLeast,
    Exactly,
    AtMost,
}

/// <summary>How many matching activities a person needs: at least, exactly or at most N.</summary>
public sealed record ActivityTimes(TimesComparison Comparison, int Count);

/// <summary>
/// One numbered filter of a smart list (numbers are positions from 1, as the advanced expression names them).
/// <see cref="Not"/> turns it into "did not" / "is not on" / "attribute does not match".
/// </summary>
public sealed record SmartListFilter(
    SmartListFilterKind Kind,
    int? ActivityTypeId = null,
    int? ListId = null,
    bool Not = false,
    IReadOnlyList<FieldConstraint>? Constraints = null,
    ActivityWindow? Window = null,
    ActivityTimes? Times = null)
{
    public IReadOnlyList<FieldConstraint> ConstraintList => Constraints ?? [];

    public static SmartListFilter Activity(int typeId, params FieldConstraint[] constraints) =>
        new(SmartListFilterKind.Activity, ActivityTypeId: typeId, Constraints: constraints);

    public static SmartListFilter Attribute(string attribute, ConstraintOperator op, params string[] values) =>
        new(SmartListFilterKind.PersonAttribute, Constraints: [new FieldConstraint(attribute, op, values)]);

    public static SmartListFilter MemberOf(int listId) => new(SmartListFilterKind.ListMembership, ListId: listId);
}

/// <summary>A smart list's rules, persisted as versioned JSON (<see cref="SmartListJson"/>).</summary>
public sealed record SmartListQuery(IReadOnlyList<SmartListFilter> Filters, SmartListLogic Logic = SmartListLogic.All, string? Expression = null)
{
    public const int CurrentVersion = 1;
    public const int MaxFilters = 25;

    public static SmartListQuery Empty { get; } = new([]);
}
