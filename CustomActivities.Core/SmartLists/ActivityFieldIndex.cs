using System.Globalization;
using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Core.SmartLists;

/// <summary>
/// The partial expression index of one secondary field of one custom type:
/// <c>(value, PersonId, OccurredAt) WHERE ActivityTypeId = id</c>, where the value is written exactly as
/// <see cref="SmartListSql"/> compares it (SQLite uses an expression index only for the identical expression). A range or
/// equality on the field, with or without a date window, then reads the index alone, never a row or its JSON; an equality
/// also serves the per-person probe (value, person). Its name and JSON path are built only from the integer type id and a
/// validated API name (letters and digits), never from user text, so they can be written into SQL.
/// </summary>
public sealed record ActivityFieldIndex(int TypeId, string FieldApiName, ValueKind Kind)
{
    public const string NamePrefix = "IX_ActivityField_";

    public string Name => $"{NamePrefix}{TypeId.ToString(CultureInfo.InvariantCulture)}_{FieldApiName}";

    /// <summary>The one text of the CREATE statement; start-up compares it with sqlite_master to find a stale definition.</summary>
    public string CreateSql =>
        $"CREATE INDEX \"{Name}\" ON \"Activities\" ({Value(FieldApiName, Kind, "")}{(Kind == ValueKind.Text ? " COLLATE NOCASE" : "")}, \"PersonId\", \"OccurredAt\") " +
        $"WHERE \"ActivityTypeId\" = {TypeId.ToString(CultureInfo.InvariantCulture)}";

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

    /// <summary>The field read from the activity's JSON, the path written from the validated API name.</summary>
    public static string Extract(string fieldApiName, string alias) => $"json_extract({alias}\"Attributes\", '$.{fieldApiName}')";

    /// <summary>
    /// A secondary field's value as the smart list compares it: a number as REAL, text with a missing value as empty,
    /// anything else as json_extract gives it. <paramref name="alias"/> is "a." in queries and "" in the index.
    /// </summary>
    public static string Value(string fieldApiName, ValueKind kind, string alias)
    {
        var extract = Extract(fieldApiName, alias);
        return kind switch
        {
            ValueKind.Number => $"CAST({extract} AS REAL)",
            ValueKind.Text => $"COALESCE({extract}, '')",
            _ => extract,
        };
    }
}
