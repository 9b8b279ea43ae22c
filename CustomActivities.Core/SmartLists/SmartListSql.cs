using System.Globalization;
using System.Text;
using CustomActivities.Core.Activities;
using CustomActivities.Core.Persistence;

namespace CustomActivities.Core.SmartLists;

internal sealed record SmartListCommand(string Text, IReadOnlyList<(string Name, object Value)> Parameters);

/// <summary>People whose id lies between two ids, both included: one part of a count split between connections.</summary>
internal readonly record struct PersonIdRange(int From, int To);

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
/// only column names, operators, parameter names, integer type ids and validated API names are written into the text.
/// Each filter becomes one predicate on p, in one of two shapes chosen per filter:
/// <list type="bullet">
/// <item>a list, <c>p.Id IN (SELECT PersonId FROM Activities WHERE type, window, constraints)</c>, built once: through
/// IX_Activities_Type_Time for a window of a month or less, else through the field's <see cref="ActivityFieldIndex"/> (a
/// covering range that holds the time too: no row, no JSON read) when a constraint can use one;</item>
/// <item>a probe, <c>EXISTS (SELECT 1 FROM Activities a WHERE a.PersonId = p.Id AND …)</c>, asked per candidate person
/// through an equality's field index, a range's person-first field index, else IX_Activities_Person_Type_Timeline (see
/// <see cref="ProbeIndex"/>), used inside an AND that holds a narrowing
/// filter (a recent window or a static list): that filter lists the few candidates, and building the list of everybody
/// who ever did the other, unwindowed activity is what used to cost seconds. "Why" asks about one person, so it probes
/// everything.</item>
/// </list>
/// Both shapes keep the same semantics (counts, "not", windows in the viewer's zone); only the access path differs.
/// On SQLite index names go into <c>INDEXED BY</c> because its planner, without statistics, does not pick an expression
/// index; what differs per database product is written by the <see cref="SmartListDialect"/>, the rest here, once
/// (quoted identifiers, @-parameters).
/// </summary>
internal sealed class SmartListSql(SmartListQuery query, LogicNode logic, SmartListFilterOptions options, SmartListClock clock,
    SmartListDialect dialect, bool indexHints = true, PersonIdRange? people = null)
{
    private const string PersonColumns = "p.\"Id\", p.\"Email\", p.\"FirstName\", p.\"LastName\", p.\"Company\", p.\"CreatedAt\", p.\"LastActivityAt\"";
    private const string PersonTypeIndex = "IX_Activities_Person_Type_Timeline";
    private readonly List<(string Name, object Value)> parameters = [];

    /// <summary>The same translation naming no index: the fallback when the file lost an index after the catalog was read.</summary>
    public SmartListSql WithoutIndexHints() => new(query, logic, options, clock, dialect, indexHints: false, people);

    /// <summary>
    /// The same translation for the people of one id range: each list is built for that range only (an activity's person
    /// outside it can never match a person inside it), so the parts of a split count hold disjoint people and add up.
    /// </summary>
    public SmartListSql ForPeople(PersonIdRange range) => new(query, logic, options, clock, dialect, indexHints, range);

    /// <summary>Whether the list reads every person (no filter narrows it): then its count is worth splitting.</summary>
    public bool ReadsEverybody => !Narrowed(logic);

    public SmartListCommand Count() => Build($"SELECT COUNT(*) FROM \"People\" p WHERE {InRange("p.\"Id\"", Predicate(logic, probe: false))}");

    public SmartListCommand Page(SmartListSort sort, bool descending, int skip, int take)
    {
        var (order, index) = SortOrder(sort, descending);
        // Without a narrowing filter the members are many: reading people in the sort's index order stops after one page,
        // where listing them first would sort every member. With one, the few candidates are sorted instead.
        var people = "\"People\" p" + (!Narrowed(logic) ? Hint(index) : "");
        return Build($"SELECT {PersonColumns} FROM {people} WHERE {Predicate(logic, probe: false)} ORDER BY {order} LIMIT {Param(take)} OFFSET {Param(skip)}");
    }

    /// <summary>
    /// The ids of the first <paramref name="limit"/> people in the sort's index order, each with 1 when the list holds them
    /// (every filter asked about that person: probes), for a list whose members are many among everybody. The reader stops
    /// as soon as it has its page, so a page costs the people read up to its last member, and reads the sort's index alone
    /// (a person's row only for the members, by <see cref="PeopleByIds"/>). The limit bounds the cost when the members sit
    /// further down the order than their share suggests (a "did it lately" list sorted by last activity, oldest first).
    /// </summary>
    public SmartListCommand MembershipInSortOrder(SmartListSort sort, bool descending, int limit)
    {
        var (order, index) = SortOrder(sort, descending);
        return Build($"SELECT p.\"Id\", CASE WHEN {Predicate(logic, probe: true)} THEN 1 ELSE 0 END FROM \"People\" p{Hint(index)} ORDER BY {order} LIMIT {Param(limit)}");
    }

    /// <summary>The people with these ids, in no particular order.</summary>
    public SmartListCommand PeopleByIds(IReadOnlyCollection<int> ids) =>
        Build($"SELECT {PersonColumns} FROM \"People\" p WHERE p.\"Id\" IN ({string.Join(", ", ids.Select(id => Param(id)))})");

    /// <summary>The ORDER BY of a sort (ties broken by id, so pages never overlap) and the People index that holds that order.</summary>
    private (string Order, string Index) SortOrder(SmartListSort sort, bool descending)
    {
        var direction = (descending ? "DESC" : "ASC") + dialect.Nulls(descending);
        var (order, index) = sort switch
        {
            SmartListSort.Name => ($"p.\"LastName\" {direction}, p.\"FirstName\" {direction}", "IX_People_LastName"),
            SmartListSort.Company => ($"p.\"Company\" {direction}", "IX_People_Company"),
            SmartListSort.Created => ($"p.\"CreatedAt\" {direction}", "IX_People_CreatedAt"),
            SmartListSort.LastActivity => ($"p.\"LastActivityAt\" {direction}", "IX_People_LastActivityAt"),
            _ => ($"p.\"Email\" {direction}", "IX_People_Email"),
        };
        return ($"{order}, p.\"Id\" {(descending ? "DESC" : "ASC")}", index);
    }

    /// <summary>Every member in id order, for the CSV export (streamed by the caller).</summary>
    public SmartListCommand All() => Build($"SELECT {PersonColumns} FROM \"People\" p WHERE {Predicate(logic, probe: false)} ORDER BY p.\"Id\"");

    /// <summary>Every member's id in id order (saving the members as a static list).</summary>
    public SmartListCommand Ids() => Build($"SELECT p.\"Id\" FROM \"People\" p WHERE {Predicate(logic, probe: false)} ORDER BY p.\"Id\"");

    /// <summary>One row for one person: whether each filter holds, then whether the whole list does.</summary>
    public SmartListCommand Why(int personId)
    {
        var columns = query.Filters.Select((_, i) => $"({FilterPredicate(i + 1, probe: true)})").Append($"({Predicate(logic, probe: true)})").ToList();
        return Build($"SELECT {string.Join(", ", columns)} FROM \"People\" p WHERE p.\"Id\" = {Param(personId)}");
    }

    /// <summary>The person's activities that match an activity filter's type, window and constraints, newest first.</summary>
    public SmartListCommand MatchingActivities(int filterNumber, int personId, int limit)
    {
        var filter = query.Filters[filterNumber - 1];
        return Build($"""
            SELECT a."Id", a."OccurredAt", a."PrimaryValue", a."Attributes", COUNT(*) OVER ()
            FROM "Activities" a{Hint(PersonTypeIndex)} WHERE a."PersonId" = {Param(personId)} AND {ActivityWhere(filter)}
            ORDER BY a."OccurredAt" DESC, a."Id" DESC LIMIT {Param(limit)}
            """);
    }

    /// <summary>The condition for the people of the id range, or the condition alone when the translation is for everybody.</summary>
    private string InRange(string personId, string condition) =>
        people is { } range ? $"{personId} BETWEEN {Param(range.From)} AND {Param(range.To)} AND ({condition})" : condition;

    private SmartListCommand Build(string text)
    {
        var command = new SmartListCommand(text, [.. parameters]);
        parameters.Clear();
        return command;
    }

    private string Param(object value)
    {
        var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add((name, value));
        return name;
    }

    private string Predicate(LogicNode node, bool probe) => node switch
    {
        LogicNode.Filter f => FilterPredicate(f.Number, probe),
        LogicNode.And a => AndPredicate(a, probe),
        LogicNode.Or o => $"({Predicate(o.Left, probe)} OR {Predicate(o.Right, probe)})",
        LogicNode.Not n => $"(NOT {Predicate(n.Operand, probe)})",
        _ => throw new InvalidOperationException("Unknown logic node."),
    };

    /// <summary>
    /// The terms of one AND (nested ANDs flattened: same meaning). When one of them narrows, it stays a list and every
    /// other activity filter under this AND is probed for its candidates only.
    /// </summary>
    private string AndPredicate(LogicNode.And node, bool probe)
    {
        var terms = Conjuncts(node).ToList();
        var narrowed = probe || terms.Any(IsNarrowing);
        return "(" + string.Join(" AND ", terms.Select(t => IsNarrowing(t) && !probe ? Predicate(t, probe: false) : Predicate(t, narrowed))) + ")";
    }

    private static IEnumerable<LogicNode> Conjuncts(LogicNode node) =>
        node is LogicNode.And and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [node];

    /// <summary>Whether the whole list is driven by a narrowing filter (then its members are few).</summary>
    private bool Narrowed(LogicNode node) => node switch
    {
        LogicNode.And and => Conjuncts(and).Any(IsNarrowing),
        _ => IsNarrowing(node),
    };

    /// <summary>
    /// A filter that lists few people: being on a static list, or a positive activity filter within a recent window
    /// (in the past N, or between two dates). A heuristic without statistics; a wrong guess costs speed, never meaning.
    /// </summary>
    private bool IsNarrowing(LogicNode node)
    {
        if (node is not LogicNode.Filter f)
        {
            return false;
        }
        var filter = query.Filters[f.Number - 1];
        return !filter.Not && filter.Kind switch
        {
            SmartListFilterKind.ListMembership => true,
            SmartListFilterKind.Activity => filter.Window is { Kind: WindowKind.InPast or WindowKind.Between }
                && filter.Times is null or { Comparison: TimesComparison.AtLeast },
            _ => false,
        };
    }

    private string FilterPredicate(int number, bool probe)
    {
        var filter = query.Filters[number - 1];
        var predicate = filter.Kind switch
        {
            SmartListFilterKind.Activity => probe ? ActivityProbe(filter) : ActivityPredicate(filter),
            SmartListFilterKind.ListMembership => $"p.\"Id\" IN (SELECT m.\"PersonId\" FROM \"StaticListMembers\" m WHERE m.\"ListId\" = {Param(filter.ListId!.Value)})",
            _ => AttributePredicate(filter.ConstraintList[0]),
        };
        return filter.Not ? $"NOT ({predicate})" : predicate;
    }

    private string ActivityPredicate(SmartListFilter filter)
    {
        var index = IsShort(filter.Window) ? null : FieldIndex(filter, equalityOnly: false);
        var matching = $"SELECT a.\"PersonId\" FROM \"Activities\" a{Hint(index is null ? null : dialect.IndexName(index))} WHERE {InRange("a.\"PersonId\"", ActivityWhere(filter))}";
        var times = filter.Times ?? new ActivityTimes(TimesComparison.AtLeast, 1);
        return times switch
        {
            { Comparison: TimesComparison.AtLeast, Count: <= 1 } => $"p.\"Id\" IN ({matching})",
            { Comparison: TimesComparison.AtLeast } => $"p.\"Id\" IN ({matching} GROUP BY a.\"PersonId\" HAVING COUNT(*) >= {Param(times.Count)})",
            { Comparison: TimesComparison.Exactly, Count: 0 } => $"p.\"Id\" NOT IN ({matching})",
            { Comparison: TimesComparison.Exactly } => $"p.\"Id\" IN ({matching} GROUP BY a.\"PersonId\" HAVING COUNT(*) = {Param(times.Count)})",
            _ => $"p.\"Id\" NOT IN ({matching} GROUP BY a.\"PersonId\" HAVING COUNT(*) > {Param(times.Count)})",
        };
    }

    /// <summary>
    /// The same filter asked about the person of the current row (PersonId is never null, so NOT EXISTS is NOT IN): through
    /// an equality's field index (value, person), else a range's person-first field index (person, value, time), else the
    /// person's activities of the type, whose rows are then read.
    /// </summary>
    private string ActivityProbe(SmartListFilter filter)
    {
        var index = ProbeIndex(filter) is { } field ? dialect.IndexName(field) : PersonTypeIndex;
        var from = $"FROM \"Activities\" a{Hint(index)} WHERE a.\"PersonId\" = p.\"Id\" AND {ActivityWhere(filter)}";
        var times = filter.Times ?? new ActivityTimes(TimesComparison.AtLeast, 1);
        return times switch
        {
            { Comparison: TimesComparison.AtLeast, Count: <= 1 } => $"EXISTS (SELECT 1 {from})",
            { Comparison: TimesComparison.AtLeast } => $"(SELECT COUNT(*) {from}) >= {Param(times.Count)}",
            { Comparison: TimesComparison.Exactly, Count: 0 } => $"NOT EXISTS (SELECT 1 {from})",
            { Comparison: TimesComparison.Exactly } => $"(SELECT COUNT(*) {from}) = {Param(times.Count)}",
            _ => $"(SELECT COUNT(*) {from}) <= {Param(times.Count)}",
        };
    }

    /// <summary>
    /// A window of a month or less: its activities are few, so listing them through IX_Activities_Type_Time and reading
    /// their rows beats scanning a field index's whole value range (which covers the window too, but over all time).
    /// </summary>
    private static bool IsShort(ActivityWindow? window) => window switch
    {
        { Kind: WindowKind.InPast } w => w.Unit switch { WindowUnit.Days => w.Amount, WindowUnit.Weeks => w.Amount * 7, _ => w.Amount * 31 } <= 31,
        { Kind: WindowKind.Between, From: { } from, To: { } to } => to.DayNumber - from.DayNumber < 31,
        _ => false,
    };

    private string Hint(string? index) => indexHints && dialect.HintsIndexes && index is not null ? dialect.Hint(index) : "";

    /// <summary>
    /// The field index one of the filter's constraints can seek (an equality first, else a range), when the file has it.
    /// Only the forms <see cref="Condition"/> writes for these operators are ones SQLite matches to the index.
    /// </summary>
    private ActivityFieldIndex? FieldIndex(SmartListFilter filter, bool equalityOnly) =>
        IndexedConstraints(filter, (type, field) => options.IndexOf(type, field))
            .Where(x => IsEquality(x.Index.Kind, x.Constraint) || (!equalityOnly && IsRange(x.Index.Kind, x.Constraint)))
            .OrderBy(x => IsEquality(x.Index.Kind, x.Constraint) ? 0 : 1)
            .Select(x => x.Index).FirstOrDefault();

    /// <summary>
    /// The index a probe for one person seeks: an equality's field index (value, person), else the person-first index of a
    /// field compared in a range (person, value), when the file has it; null for the person's activities of the type.
    /// </summary>
    private ActivityFieldIndex? ProbeIndex(SmartListFilter filter) =>
        FieldIndex(filter, equalityOnly: true)
        ?? IndexedConstraints(filter, (type, field) => options.ByPersonIndexOf(type, field))
            .Where(x => IsRange(x.Index.Kind, x.Constraint)).Select(x => x.Index).FirstOrDefault();

    /// <summary>The filter's constraints whose field has the index <paramref name="indexOf"/> finds, in the filter's order.</summary>
    private IEnumerable<(FieldConstraint Constraint, ActivityFieldIndex Index)> IndexedConstraints(SmartListFilter filter,
        Func<FilterableType, FilterableField, ActivityFieldIndex?> indexOf)
    {
        var type = options.Type(filter.ActivityTypeId!.Value)!;
        foreach (var constraint in filter.ConstraintList)
        {
            if (indexOf(type, type.Field(constraint.Field)!) is { } index)
            {
                yield return (constraint, index);
            }
        }
    }

    private static bool IsEquality(ValueKind kind, FieldConstraint constraint) => (kind, constraint.Operator) switch
    {
        (ValueKind.Text, ConstraintOperator.Is) => true,
        (ValueKind.Number, ConstraintOperator.Equal) => true,
        (ValueKind.Boolean, _) => true,
        (ValueKind.Date, ConstraintOperator.On) => true,
        _ => false,
    };

    private static bool IsRange(ValueKind kind, FieldConstraint constraint) => kind switch
    {
        ValueKind.Number => constraint.Operator != ConstraintOperator.NotEqual,
        ValueKind.Date or ValueKind.DateTime => true,
        _ => false,
    };

    private string ActivityWhere(SmartListFilter filter)
    {
        var type = options.Type(filter.ActivityTypeId!.Value)!;
        var sql = new StringBuilder($"a.\"ActivityTypeId\" = {TypeId(type.Id)}");
        if (filter.Window is { } window)
        {
            sql.Append(" AND ").Append(WindowCondition(window));
        }
        foreach (var constraint in filter.ConstraintList)
        {
            var field = type.Field(constraint.Field)!;
            // A standard type's primary value is a name; the id Marketo filters on (list, lead, field) is PrimaryValueId.
            var storedId = field.IsPrimary && type.IsStandard;
            var value = field.IsPrimary
                ? (storedId ? "a.\"PrimaryValueId\"" : "a.\"PrimaryValue\"")
                : SecondaryValue(field);
            sql.Append(" AND ").Append(Condition(value, field.Kind, constraint, TextInstant, storedAsText: !storedId));
        }
        return sql.ToString();
    }

    /// <summary>
    /// The type id is an integer of the catalog, written as a literal so that SQLite can prove a partial index
    /// (<c>WHERE ActivityTypeId = id</c>) applies; a parameter would hide the value from the planner.
    /// </summary>
    private static string TypeId(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A secondary field read from the JSON, written exactly as its <see cref="ActivityFieldIndex"/> is (the path is a
    /// validated API name: letters and digits); a name that is not stays a parameter path.
    /// </summary>
    private string SecondaryValue(FilterableField field) => ActivityFieldIndex.CanName(field.ApiName)
        ? dialect.Extract(field.ApiName, "a.")
        : dialect.ExtractByParameter(field.ApiName, Param);

    private string WindowCondition(ActivityWindow window) => window.Kind switch
    {
        WindowKind.InPast => $"a.\"OccurredAt\" >= {Param(clock.Ago(window.Amount, window.Unit).UtcTicks)}",
        WindowKind.Between => $"a.\"OccurredAt\" >= {Param(clock.StartOf(window.From!.Value).UtcTicks)} AND a.\"OccurredAt\" < {Param(clock.StartOf(window.To!.Value.AddDays(1)).UtcTicks)}",
        WindowKind.Before => $"a.\"OccurredAt\" < {Param(clock.StartOf(window.To!.Value).UtcTicks)}",
        _ => $"a.\"OccurredAt\" >= {Param(clock.StartOf(window.From!.Value.AddDays(1)).UtcTicks)}",
    };

    private string AttributePredicate(FieldConstraint constraint)
    {
        var attribute = PersonAttributes.Find(constraint.Field)!;
        var column = constraint.Field switch
        {
            PersonAttributes.Email => "p.\"Email\"",
            PersonAttributes.EmailDomain => dialect.EmailDomain("p.\"Email\""),
            PersonAttributes.FirstName => "p.\"FirstName\"",
            PersonAttributes.LastName => "p.\"LastName\"",
            PersonAttributes.Company => "p.\"Company\"",
            _ => "p.\"CreatedAt\"",
        };
        return attribute.ApiName == PersonAttributes.CreatedAt
            ? Condition(column, attribute.Kind, constraint, TicksInstant, storedAsText: false)
            : Condition(column, attribute.Kind, constraint, TextInstant, storedAsText: true);
    }

    private static object TextInstant(DateTimeOffset instant) => FieldValueParser.FormatDateTime(instant);
    private static object TicksInstant(DateTimeOffset instant) => instant.UtcTicks;

    /// <param name="storedAsText">False for the integer columns (a standard type's id, a person's creation ticks).</param>
    private string Condition(string value, ValueKind kind, FieldConstraint constraint, Func<DateTimeOffset, object> instant, bool storedAsText)
    {
        var values = constraint.Values;
        if (storedAsText && kind is ValueKind.Date or ValueKind.DateTime)
        {
            value = dialect.OrderedText(value);
        }
        switch (kind)
        {
            case ValueKind.Text:
                var text = $"COALESCE({value}, '')";
                return constraint.Operator switch
                {
                    // One IN, not ORed equalities: SQLite seeks an index (NOCASE) for each value of an IN.
                    ConstraintOperator.Is => values.Count == 1
                        ? dialect.TextEquals(text, Param(values[0]))
                        : dialect.TextIn(text, [.. values.Select(v => Param(v))]),
                    ConstraintOperator.IsNot => $"NOT {AnyOf(values, v => dialect.TextEquals(text, Param(v)))}",
                    ConstraintOperator.Contains => AnyOf(values, v => dialect.TextLike(text, Param("%" + SqlLike.Escape(v) + "%"))),
                    ConstraintOperator.StartsWith => AnyOf(values, v => dialect.TextLike(text, Param(SqlLike.Escape(v) + "%"))),
                    ConstraintOperator.EndsWith => AnyOf(values, v => dialect.TextLike(text, Param("%" + SqlLike.Escape(v)))),
                    ConstraintOperator.IsEmpty => $"{text} = ''",
                    _ => $"{text} <> ''",
                };
            case ValueKind.Number:
                var number = dialect.Number(value, storedAsText);
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
                return dialect.IsBoolean(value, constraint.Operator == ConstraintOperator.IsTrue, Param);
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
