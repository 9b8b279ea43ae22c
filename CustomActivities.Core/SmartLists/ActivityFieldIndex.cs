using System.Globalization;
using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Core.SmartLists;

/// <summary>
/// The partial expression index of one secondary field of one custom type:
/// <c>(value, PersonId, OccurredAt) WHERE ActivityTypeId = id</c>, where the value is written exactly as
/// <see cref="SmartListSql"/> compares it (a database uses an expression index only for the identical expression; each
/// <see cref="SmartListDialect"/> writes both). A range or
/// equality on the field, with or without a date window, then reads the index alone, never a row or its JSON; an equality
/// also serves the per-person probe (value, person). Its name and JSON path are built only from the integer type id and a
/// validated API name (letters and digits), never from user text, so they can be written into SQL.
/// </summary>
public sealed record ActivityFieldIndex(int TypeId, string FieldApiName, ValueKind Kind)
{
    public const string NamePrefix = "IX_ActivityField_";

    public string Name => $"{NamePrefix}{TypeId.ToString(CultureInfo.InvariantCulture)}_{FieldApiName}";

    /// <summary>
    /// Long free text and links are compared with "contains", which no index serves; each index costs every ingested
    /// activity of its type one more B-tree insert, so those fields get none.
    /// </summary>
    public static bool Deserves(FieldDataType dataType) => dataType is not (FieldDataType.Text or FieldDataType.Link);

    /// <summary>Only a validated API name may become a JSON path written into SQL; any other name keeps a parameter path.</summary>
    public static bool CanName(string fieldApiName) => ActivityTypeRules.IsValidApiName(fieldApiName);

    public static ActivityFieldIndex? For(int typeId, FilterableField field) =>
        !field.IsPrimary && typeId >= Activities.StandardActivityTypes.FirstCustomId && Deserves(field.DataType) && CanName(field.ApiName)
            ? new ActivityFieldIndex(typeId, field.ApiName, field.Kind)
            : null;
}
