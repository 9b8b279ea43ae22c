using System.Globalization;
using System.Text;
using CustomActivities.Core.Activities;
using CustomActivities.Core.Persistence;

namespace CustomActivities.Core.SmartLists;

internal sealed record SmartListCommand(string Text, IReadOnlyList<(string Name, object Value)> Parameters);

public enum SmartListSort
{
    Email,
    Name,
    Company,
    Created,
    LastActivity,
}

/// <summary>
/// Translates a validated smart list into SQL over People (alias p) and Activities (alias a). Every value is a parameter;
/// only column names, operators and parameter names are written into the text. Each filter becomes one predicate on p:
/// an activity filter is <c>p.Id IN (SELECT PersonId FROM Activities WHERE type, window, constraints)</c>, which SQLite
/// evaluates once through IX_Activities_Type_Time, not once per person.
/// </summary>
internal sealed class SmartListSql(SmartListQuery query, LogicNode logic, SmartListFilterOptions options, SmartListClock clock)
{
    private const string PersonColumns = "p.Id, p.Email, p.FirstName, p.LastName, p.Company, p.CreatedAt, p.LastActivityAt";
    private readonly List<(string Name, object Value)> parameters = [];
    // "Why" asks about one person: each activity subquery is then tied to that person (p.Id), so it seeks
    // IX_Activities_Person_Type_Timeline instead of listing every person who matches.
    private bool onePerson;

    public SmartListCommand Count() => Build($"SELECT COUNT(*) FROM People p WHERE {Predicate(logic)}");

    public SmartListCommand Page(SmartListSort sort, bool descending, int skip, int take)
    {
        var direction = descending ? "DESC" : "ASC";
        var order = sort switch
        {
            SmartListSort.Name => $"p.LastName {direction}, p.FirstName {direction}",
            SmartListSort.Company => $"p.Company {direction}",
            SmartListSort.Created => $"p.CreatedAt {direction}",
            SmartListSort.LastActivity => $"p.LastActivityAt {direction}",
            _ => $"p.Email {direction}",
        };
        var where = Predicate(logic);
        return Build($"SELECT {PersonColumns} FROM People p WHERE {where} ORDER BY {order}, p.Id {direction} LIMIT {Param(take)} OFFSET {Param(skip)}");
    }

    /// <summary>Every member in id order, for the CSV export (streamed by the caller).</summary>
    public SmartListCommand All() => Build($"SELECT {PersonColumns} FROM People p WHERE {Predicate(logic)} ORDER BY p.Id");

    /// <summary>Every member's id in id order (saving the members as a static list).</summary>
    public SmartListCommand Ids() => Build($"SELECT p.Id FROM People p WHERE {Predicate(logic)} ORDER BY p.Id");

    /// <summary>One row for one person: whether each filter holds, then whether the whole list does.</summary>
    public SmartListCommand Why(int personId)
    {
        onePerson = true;
        var columns = query.Filters.Select((_, i) => $"({FilterPredicate(i + 1)})").Append($"({Predicate(logic)})").ToList();
        onePerson = false;
        return Build($"SELECT {string.Join(", ", columns)} FROM People p WHERE p.Id = {Param(personId)}");
    }

    /// <summary>The person's activities that match an activity filter's type, window and constraints, newest first.</summary>
    public SmartListCommand MatchingActivities(int filterNumber, int personId, int limit)
    {
        var filter = query.Filters[filterNumber - 1];
        return Build($"""
            SELECT a.Id, a.OccurredAt, a.PrimaryValue, a.Attributes, COUNT(*) OVER ()
            FROM Activities a WHERE a.PersonId = {Param(personId)} AND {ActivityWhere(filter)}
            ORDER BY a.OccurredAt DESC, a.Id DESC LIMIT {Param(limit)}
            """);
    }

    private SmartListCommand Build(string text)
    {
        var command = new SmartListCommand(text, [.. parameters]);
        parameters.Clear();
        return command;
    }

    private string Param(object value)
    {
        var name = "$p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add((name, value));
        return name;
    }

    private string Predicate(LogicNode node) => node switch
    {
        LogicNode.Filter f => FilterPredicate(f.Number),
        LogicNode.And a => $"({Predicate(a.Left)} AND {Predicate(a.Right)})",
        LogicNode.Or o => $"({Predicate(o.Left)} OR {Predicate(o.Right)})",
        LogicNode.Not n => $"(NOT {Predicate(n.Operand)})",
        _ => throw new InvalidOperationException("Unknown logic node."),
    };

    private string FilterPredicate(int number)
    {
        var filter = query.Filters[number - 1];
        var predicate = filter.Kind switch
        {
            SmartListFilterKind.Activity => ActivityPredicate(filter),
            SmartListFilterKind.ListMembership => $"p.Id IN (SELECT m.PersonId FROM StaticListMembers m WHERE m.ListId = {Param(filter.ListId!.Value)})",
            _ => AttributePredicate(filter.ConstraintList[0]),
        };
        return filter.Not ? $"NOT ({predicate})" : predicate;
    }

    private string ActivityPredicate(SmartListFilter filter)
    {
        var matching = $"SELECT a.PersonId FROM Activities a WHERE {(onePerson ? "a.PersonId = p.Id AND " : "")}{ActivityWhere(filter)}";
        var times = filter.Times ?? new ActivityTimes(TimesComparison.AtLeast, 1);
        return times switch
        {
            { Comparison: TimesComparison.AtLeast, Count: <= 1 } => $"p.Id IN ({matching})",
            { Comparison: TimesComparison.AtLeast } => $"p.Id IN ({matching} GROUP BY a.PersonId HAVING COUNT(*) >= {Param(times.Count)})",
            { Comparison: TimesComparison.Exactly, Count: 0 } => $"p.Id NOT IN ({matching})",
            { Comparison: TimesComparison.Exactly } => $"p.Id IN ({matching} GROUP BY a.PersonId HAVING COUNT(*) = {Param(times.Count)})",
            _ => $"p.Id NOT IN ({matching} GROUP BY a.PersonId HAVING COUNT(*) > {Param(times.Count)})",
        };
    }

    private string ActivityWhere(SmartListFilter filter)
    {
        var type = options.Type(filter.ActivityTypeId!.Value)!;
        var sql = new StringBuilder($"a.ActivityTypeId = {Param(type.Id)}");
        if (filter.Window is { } window)
        {
            sql.Append(" AND ").Append(WindowCondition(window));
        }
        foreach (var constraint in filter.ConstraintList)
        {
            var field = type.Field(constraint.Field)!;
            // A standard type's primary value is a name; the id Marketo filters on (list, lead, field) is PrimaryValueId.
            var value = field.IsPrimary
                ? (type.IsStandard ? "a.PrimaryValueId" : "a.PrimaryValue")
                : $"json_extract(a.Attributes, {Param("$.\"" + field.ApiName.Replace("\"", "\\\"") + "\"")})";
            sql.Append(" AND ").Append(Condition(value, field.Kind, constraint, TextInstant));
        }
        return sql.ToString();
    }

    private string WindowCondition(ActivityWindow window) => window.Kind switch
    {
        WindowKind.InPast => $"a.OccurredAt >= {Param(clock.Ago(window.Amount, window.Unit).UtcTicks)}",
        WindowKind.Between => $"a.OccurredAt >= {Param(clock.StartOf(window.From!.Value).UtcTicks)} AND a.OccurredAt < {Param(clock.StartOf(window.To!.Value.AddDays(1)).UtcTicks)}",
        WindowKind.Before => $"a.OccurredAt < {Param(clock.StartOf(window.To!.Value).UtcTicks)}",
        _ => $"a.OccurredAt >= {Param(clock.StartOf(window.From!.Value.AddDays(1)).UtcTicks)}",
    };

    private string AttributePredicate(FieldConstraint constraint)
    {
        var attribute = PersonAttributes.Find(constraint.Field)!;
        var column = constraint.Field switch
        {
            PersonAttributes.Email => "p.Email",
            PersonAttributes.EmailDomain => "substr(p.Email, instr(p.Email, '@') + 1)",
            PersonAttributes.FirstName => "p.FirstName",
            PersonAttributes.LastName => "p.LastName",
            PersonAttributes.Company => "p.Company",
            _ => "p.CreatedAt",
        };
        return Condition(column, attribute.Kind, constraint, attribute.ApiName == PersonAttributes.CreatedAt ? TicksInstant : TextInstant);
    }

    private static object TextInstant(DateTimeOffset instant) => FieldValueParser.FormatDateTime(instant);
    private static object TicksInstant(DateTimeOffset instant) => instant.UtcTicks;

    private string Condition(string value, ValueKind kind, FieldConstraint constraint, Func<DateTimeOffset, object> instant)
    {
        var values = constraint.Values;
        switch (kind)
        {
            case ValueKind.Text:
                var text = $"COALESCE({value}, '')";
                return constraint.Operator switch
                {
                    ConstraintOperator.Is => AnyOf(values, v => $"{text} = {Param(v)} COLLATE NOCASE"),
                    ConstraintOperator.IsNot => $"NOT {AnyOf(values, v => $"{text} = {Param(v)} COLLATE NOCASE")}",
                    ConstraintOperator.Contains => AnyOf(values, v => $"{text} LIKE {Param("%" + SqlLike.Escape(v) + "%")} ESCAPE '\\'"),
                    ConstraintOperator.StartsWith => AnyOf(values, v => $"{text} LIKE {Param(SqlLike.Escape(v) + "%")} ESCAPE '\\'"),
                    ConstraintOperator.EndsWith => AnyOf(values, v => $"{text} LIKE {Param("%" + SqlLike.Escape(v))} ESCAPE '\\'"),
                    ConstraintOperator.IsEmpty => $"{text} = ''",
                    _ => $"{text} <> ''",
                };
            case ValueKind.Number:
                var number = $"CAST({value} AS REAL)";
                var first = Number(values.ElementAtOrDefault(0));
                return constraint.Operator switch
                {
                    ConstraintOperator.Equal => $"{number} = {Param(first)}",
                    ConstraintOperator.NotEqual => $"{number} <> {Param(first)}",
                    ConstraintOperator.Less => $"{number} < {Param(first)}",
                    ConstraintOperator.LessOrEqual => $"{number} <= {Param(first)}",
                    ConstraintOperator.Greater => $"{number} > {Param(first)}",
                    ConstraintOperator.GreaterOrEqual => $"{number} >= {Param(first)}",
                    _ => $"{number} BETWEEN {Param(first)} AND {Param(Number(values[1]))}",
                };
            case ValueKind.Boolean:
                // A primary value holds "true"/"false"; json_extract gives 1/0 for a secondary field's JSON boolean.
                return constraint.Operator == ConstraintOperator.IsTrue
                    ? $"({value} = {Param("true")} OR {value} = {Param(1L)})"
                    : $"({value} = {Param("false")} OR {value} = {Param(0L)})";
            case ValueKind.Date:
                return constraint.Operator switch
                {
                    ConstraintOperator.Before => $"{value} < {Param(values[0])}",
                    ConstraintOperator.After => $"{value} > {Param(values[0])}",
                    ConstraintOperator.On => $"{value} = {Param(values[0])}",
                    ConstraintOperator.Between => $"{value} BETWEEN {Param(values[0])} AND {Param(values[1])}",
                    _ => $"{value} BETWEEN {Param(DateText(clock.Today.AddDays(-Days(values[0]))))} AND {Param(DateText(clock.Today))}",
                };
            default:
                return constraint.Operator switch
                {
                    ConstraintOperator.Before => $"{value} < {Param(instant(clock.StartOf(Date(values[0]))))}",
                    ConstraintOperator.After => $"{value} >= {Param(instant(clock.StartOf(Date(values[0]).AddDays(1))))}",
                    ConstraintOperator.On => $"{value} >= {Param(instant(clock.StartOf(Date(values[0]))))} AND {value} < {Param(instant(clock.StartOf(Date(values[0]).AddDays(1))))}",
                    ConstraintOperator.Between => $"{value} >= {Param(instant(clock.StartOf(Date(values[0]))))} AND {value} < {Param(instant(clock.StartOf(Date(values[1]).AddDays(1))))}",
                    _ => $"{value} >= {Param(instant(clock.Now.AddDays(-Days(values[0]))))} AND {value} <= {Param(instant(clock.Now))}",
                };
        }
    }

    private static string AnyOf(IReadOnlyList<string> values, Func<string, string> condition) =>
        "(" + string.Join(" OR ", values.Select(condition)) + ")";

    private static double Number(string? text) => SmartListValidator.TryNumber(text, out var n) ? n : 0;
    private static DateOnly Date(string text) => SmartListValidator.TryDate(text, out var d) ? d : default;
    private static int Days(string text) => int.Parse(text, CultureInfo.InvariantCulture);
    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
