using System.Globalization;
using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Core.SmartLists;

/// <summary>
/// A partial expression index of one secondary field of one custom type, in one of two shapes:
/// <list type="bullet">
/// <item>value first, <c>(value, PersonId, OccurredAt) WHERE ActivityTypeId = id</c>: a range or equality on the field,
/// with or without a date window, reads the index alone, never a row or its JSON, to list the people who match; an
/// equality also serves the per-person probe (value, person);</item>
/// <item>person first (<see cref="ByPerson"/>), <c>(PersonId, value, OccurredAt) WHERE ActivityTypeId = id</c>, for number
/// and date fields only: the per-person probe of a range ("a webinar of 60 minutes or more"), which the value-first index
/// cannot serve (the person comes after the range) and which otherwise reads and parses every activity of the type the
/// person has.</item>
/// </list>
/// The value is written exactly as <see cref="SmartListSql"/> compares it (a database uses an expression index only for
/// the identical expression; each <see cref="SmartListDialect"/> writes both). Its name and JSON path are built only from
/// the integer type id and a validated API name (letters and digits, so the suffix "_ByPerson" can never be part of a
/// field's name), never from user text, so they can be written into SQL.
/// </summary>
public sealed record ActivityFieldIndex(int TypeId, string FieldApiName, ValueKind Kind, bool ByPerson = false)
{
    public const string NamePrefix = "IX_ActivityField_";

    public string Name => $"{NamePrefix}{TypeId.ToString(CultureInfo.InvariantCulture)}_{FieldApiName}{(ByPerson ? "_ByPerson" : "")}";

    /// <summary>
    /// Long free text and links are compared with "contains", which no index serves; each index costs every ingested
    /// activity of its type one more B-tree insert, so those fields get none.
    /// </summary>
    public static bool Deserves(FieldDataType dataType) => dataType is not (FieldDataType.Text or FieldDataType.Link);

    /// <summary>Only a validated API name may become a JSON path written into SQL; any other name keeps a parameter path.</summary>
    public static bool CanName(string fieldApiName) => ActivityTypeRules.IsValidApiName(fieldApiName);

    /// <summary>The value-first index of the field, when it deserves one.</summary>
    public static ActivityFieldIndex? For(int typeId, FilterableField field) =>
        !field.IsPrimary && typeId >= Activities.StandardActivityTypes.FirstCustomId && Deserves(field.DataType) && CanName(field.ApiName)
            ? new ActivityFieldIndex(typeId, field.ApiName, field.Kind)
            : null;

    /// <summary>
    /// The person-first index of the field: only ranges need it (an equality's probe seeks the value-first index), and
    /// only numbers and dates are compared in ranges that an index serves.
    /// </summary>
    public static ActivityFieldIndex? ByPersonFor(int typeId, FilterableField field) =>
        For(typeId, field) is { Kind: ValueKind.Number or ValueKind.Date or ValueKind.DateTime } index ? index with { ByPerson = true } : null;

    /// <summary>Every index the field deserves.</summary>
    public static IEnumerable<ActivityFieldIndex> AllFor(int typeId, FilterableField field) =>
        new[] { For(typeId, field), ByPersonFor(typeId, field) }.OfType<ActivityFieldIndex>();
}
