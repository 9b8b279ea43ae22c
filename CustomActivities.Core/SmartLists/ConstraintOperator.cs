using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Core.SmartLists;

public enum ConstraintOperator
{
    Is,
    IsNot,
    Contains,
    StartsWith,
    EndsWith,
    IsEmpty,
    IsNotEmpty,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Between,
    IsTrue,
    IsFalse,
    Before,
    After,
    On,
    InPastDays,
}

/// <summary>What a field's values are compared as; each data type maps to one kind with its own operators.</summary>
public enum ValueKind
{
    Text,
    Number,
    Boolean,
    Date,
    DateTime,
}

public static class ConstraintOperators
{
    public static ValueKind KindOf(FieldDataType type) => type switch
    {
        FieldDataType.Integer or FieldDataType.Float or FieldDataType.Currency => ValueKind.Number,
        FieldDataType.Boolean => ValueKind.Boolean,
        FieldDataType.Date => ValueKind.Date,
        FieldDataType.DateTime => ValueKind.DateTime,
        _ => ValueKind.Text,
    };

    public static IReadOnlyList<ConstraintOperator> For(ValueKind kind) => kind switch
    {
        ValueKind.Text => [ConstraintOperator.Is, ConstraintOperator.IsNot, ConstraintOperator.Contains, ConstraintOperator.StartsWith,
            ConstraintOperator.EndsWith, ConstraintOperator.IsEmpty, ConstraintOperator.IsNotEmpty],
        ValueKind.Number => [ConstraintOperator.Equal, ConstraintOperator.NotEqual, ConstraintOperator.Less, ConstraintOperator.LessOrEqual,
            ConstraintOperator.Greater, ConstraintOperator.GreaterOrEqual, ConstraintOperator.Between],
        ValueKind.Boolean => [ConstraintOperator.IsTrue, ConstraintOperator.IsFalse],
        _ => [ConstraintOperator.Before, ConstraintOperator.After, ConstraintOperator.On, ConstraintOperator.Between, ConstraintOperator.InPastDays],
    };

    /// <summary>How many values the operator takes: null means one or more (any of them).</summary>
    public static int? ValueCount(ConstraintOperator op) => op switch
    {
        ConstraintOperator.Is or ConstraintOperator.IsNot or ConstraintOperator.Contains or ConstraintOperator.StartsWith
            or ConstraintOperator.EndsWith => null,
        ConstraintOperator.IsEmpty or ConstraintOperator.IsNotEmpty or ConstraintOperator.IsTrue or ConstraintOperator.IsFalse => 0,
        ConstraintOperator.Between => 2,
        _ => 1,
    };
}
