using System.Globalization;
using CustomActivities.Core.Results;

namespace CustomActivities.Core.SmartLists;

/// <summary>
/// Checks a smart list against what exists now (types, fields, lists) and returns every problem with the filter it
/// concerns; the logic's parse tree comes back when the list is valid. A saved list whose type or list has gone shows
/// these problems instead of failing.
/// </summary>
public static class SmartListValidator
{
    public sealed record Validation(LogicNode? Logic, IReadOnlyList<Problem> Problems)
    {
        public bool IsValid => Problems.Count == 0 && Logic is not null;
    }

    public static Validation Validate(SmartListQuery query, SmartListFilterOptions options)
    {
        var problems = new List<Problem>();
        if (query.Filters.Count == 0)
        {
            problems.Add(new(SmartListFields.Filters, SmartListProblems.NoFilters, "Add at least one filter."));
            return new Validation(null, problems);
        }
        if (query.Filters.Count > SmartListQuery.MaxFilters)
        {
            problems.Add(new(SmartListFields.Filters, SmartListProblems.TooManyFilters, $"A smart list has at most {SmartListQuery.MaxFilters} filters.")
            {
                Arguments = [SmartListQuery.MaxFilters],
            });
        }
        for (var i = 0; i < query.Filters.Count; i++)
        {
            problems.AddRange(ValidateFilter(query.Filters[i], i + 1, options));
        }
        var logic = ParseLogic(query, out var logicProblem);
        if (logicProblem is not null)
        {
            problems.Add(logicProblem);
        }
        return new Validation(problems.Count == 0 ? logic : null, problems);
    }

    public static LogicNode? ParseLogic(SmartListQuery query, out Problem? problem)
    {
        problem = null;
        switch (query.Logic)
        {
            case SmartListLogic.All:
                return LogicNode.AllOf(query.Filters.Count);
            case SmartListLogic.Any:
                return LogicNode.AnyOf(query.Filters.Count);
            default:
                var parsed = LogicExpression.Parse(query.Expression, query.Filters.Count);
                problem = parsed.Problem;
                return parsed.Root;
        }
    }

    private static IEnumerable<Problem> ValidateFilter(SmartListFilter filter, int number, SmartListFilterOptions options)
    {
        switch (filter.Kind)
        {
            case SmartListFilterKind.Activity:
                if (filter.ActivityTypeId is not { } typeId || options.Type(typeId) is not { } type)
                {
                    yield return SmartListProblems.OfFilter(number, SmartListProblems.UnknownActivityType, "its activity type no longer exists or is not approved.");
                    yield break;
                }
                foreach (var constraint in filter.ConstraintList)
                {
                    if (type.Field(constraint.Field) is not { } field)
                    {
                        yield return SmartListProblems.OfFilter(number, SmartListProblems.UnknownField, $"{type.FilterName} has no field '{constraint.Field}'.");
                        continue;
                    }
                    foreach (var problem in ValidateConstraint(constraint, field, number))
                    {
                        yield return problem;
                    }
                }
                if (filter.Window is { } window && WindowProblem(window) is { } windowMessage)
                {
                    yield return SmartListProblems.OfFilter(number, SmartListProblems.InvalidWindow, windowMessage);
                }
                if (filter.Times is { } times && (times.Count < 0 || times.Count > 1_000_000 || (times.Comparison == TimesComparison.AtLeast && times.Count < 1)))
                {
                    yield return SmartListProblems.OfFilter(number, SmartListProblems.InvalidTimes, $"the number of times must be a whole number from {(times.Comparison == TimesComparison.AtLeast ? 1 : 0)}.");
                }
                break;
            case SmartListFilterKind.PersonAttribute:
                if (filter.ConstraintList.Count != 1 || PersonAttributes.Find(filter.ConstraintList[0].Field) is not { } attribute)
                {
                    yield return SmartListProblems.OfFilter(number, SmartListProblems.UnknownAttribute, "choose a person attribute.");
                    yield break;
                }
                foreach (var problem in ValidateConstraint(filter.ConstraintList[0], attribute, number))
                {
                    yield return problem;
                }
                break;
            case SmartListFilterKind.ListMembership:
                if (filter.ListId is not { } listId || options.List(listId) is null)
                {
                    yield return SmartListProblems.OfFilter(number, SmartListProblems.UnknownList, "its static list no longer exists.");
                }
                break;
        }
    }

    /// <summary>The problems of one constraint (the builder shows them next to its inputs as they are typed).</summary>
    public static IEnumerable<Problem> ValidateConstraint(FieldConstraint constraint, FilterableField field, int number)
    {
        if (!ConstraintOperators.For(field.Kind).Contains(constraint.Operator))
        {
            yield return SmartListProblems.OfValues(number, SmartListProblems.OperatorNotForType, $"'{constraint.Operator}' does not apply to {field.DisplayName}.");
            yield break;
        }
        var values = constraint.Values ?? [];
        var expected = ConstraintOperators.ValueCount(constraint.Operator);
        if (expected is null)
        {
            if (values.Count == 0 || values.Any(string.IsNullOrEmpty))
            {
                yield return SmartListProblems.OfValues(number, SmartListProblems.ValueMissing, $"enter a value for {field.DisplayName}.");
            }
            yield break;
        }
        if (values.Count != expected)
        {
            yield return SmartListProblems.OfValues(number, SmartListProblems.ValueCount, $"{field.DisplayName} needs {expected} value(s).");
            yield break;
        }
        if (constraint.Operator == ConstraintOperator.InPastDays)
        {
            if (!int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days < 1 || days > 36_500)
            {
                yield return SmartListProblems.OfValues(number, SmartListProblems.InvalidDayCount, "the number of days must be a whole number from 1.");
            }
            yield break;
        }
        if (field.Kind == ValueKind.Number)
        {
            var numbers = values.Select(v => (Ok: TryNumber(v, out var n), Value: n)).ToList();
            if (numbers.Any(n => !n.Ok))
            {
                yield return SmartListProblems.OfValues(number, SmartListProblems.InvalidNumber, $"{field.DisplayName} needs a number.");
            }
            else if (numbers.Count == 2 && numbers[0].Value > numbers[1].Value)
            {
                yield return SmartListProblems.OfValues(number, SmartListProblems.RangeReversed, "the first number must not be above the second.");
            }
        }
        else if (field.Kind is ValueKind.Date or ValueKind.DateTime)
        {
            var dates = values.Select(v => (Ok: TryDate(v, out var d), Value: d)).ToList();
            if (dates.Any(d => !d.Ok))
            {
                yield return SmartListProblems.OfValues(number, SmartListProblems.InvalidDate, $"{field.DisplayName} needs a date (yyyy-MM-dd).");
            }
            else if (dates.Count == 2 && dates[0].Value > dates[1].Value)
            {
                yield return SmartListProblems.OfValues(number, SmartListProblems.RangeReversed, "the first date must not be after the second.");
            }
        }
    }

    private static string? WindowProblem(ActivityWindow window) => window.Kind switch
    {
        WindowKind.InPast when window.Amount is < 1 or > 10_000 => "the window needs a number of days, weeks or months from 1.",
        WindowKind.Between when window.From is not { } from || window.To is not { } to => "the window needs two dates.",
        WindowKind.Between when window.From > window.To => "the window's first date must not be after its second.",
        WindowKind.Before when window.To is null => "the window needs a date.",
        WindowKind.After when window.From is null => "the window needs a date.",
        _ => null,
    };

    internal static bool TryNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    internal static bool TryDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
