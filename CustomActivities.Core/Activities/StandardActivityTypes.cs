using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Core.Activities;

/// <summary>An attribute of a standard activity type, named as Marketo names it.</summary>
public sealed record StandardAttribute(string Name, FieldDataType DataType);

/// <summary>A standard activity type with Marketo's id, name, description and attributes.</summary>
public sealed record StandardActivityType(int Id, string ApiName, string Name, string Description, StandardAttribute Primary,
    IReadOnlyList<StandardAttribute> Attributes);

/// <summary>
/// The standard activities this product records, with Marketo's ids (New Lead 12, Change Data Value 13, Add to List 24,
/// Remove from List 25) and attribute names.
/// </summary>
/// <remarks>
/// Model: each standard type is an ordinary row of ActivityTypes (with one approved version and its fields), seeded by
/// the migration that moved custom types to ids from <see cref="FirstCustomId"/>. Activities keep their foreign key to
/// ActivityTypes, so the timeline, its filters, the CSV export, activities.json and types.json read standard activities
/// exactly as they read custom ones, with no second code path. What tells them apart is the id range: a global query
/// filter on <see cref="ActivityType"/> hides ids below <see cref="FirstCustomId"/>, so every custom-type screen, limit,
/// approval and the custom-type API never see, count or edit a standard type, and external.json cannot write one;
/// the few readers that show every type (labels, filters, types.json) ask for them with IgnoreQueryFilters.
/// Their API names contain a dot, which a custom API name (letters and digits) can never contain.
/// </remarks>
public static class StandardActivityTypes
{
    public const int NewLead = 12;
    public const int ChangeDataValue = 13;
    public const int AddToList = 24;
    public const int RemoveFromList = 25;

    /// <summary>Marketo gives custom types ids of 100000 and above; ours start at 100001, clear of every standard id.</summary>
    public const int FirstCustomId = 100_001;

    public static bool IsStandard(int activityTypeId) => activityTypeId < FirstCustomId;

    /// <summary>Change Data Value attribute names.</summary>
    public const string NewValue = "New Value";
    public const string OldValue = "Old Value";
    public const string Reason = "Reason";
    public const string Source = "Source";

    /// <summary>New Lead attribute names.</summary>
    public const string CreatedDate = "Created Date";
    public const string SourceType = "Source Type";

    public static readonly IReadOnlyList<StandardActivityType> All =
    [
        new(NewLead, "standard.newLead", "New Lead", "New person/record is added to the lead database",
            new("Lead ID", FieldDataType.Integer),
            [new(CreatedDate, FieldDataType.Date), new("Form Name", FieldDataType.String), new("Lead Source", FieldDataType.String),
             new("List Name", FieldDataType.String), new("SFDC Type", FieldDataType.String), new(SourceType, FieldDataType.String)]),
        new(ChangeDataValue, "standard.changeDataValue", "Change Data Value", "Changed attribute value for a person",
            new("Attribute Name", FieldDataType.Integer),
            [new(NewValue, FieldDataType.Text), new(OldValue, FieldDataType.Text), new(Reason, FieldDataType.Text), new(Source, FieldDataType.String)]),
        new(AddToList, "standard.addToList", "Add to List", "Person is added to a list",
            new("List ID", FieldDataType.Integer), []),
        new(RemoveFromList, "standard.removeFromList", "Remove from List", "Person is removed from a list",
            new("List ID", FieldDataType.Integer), []),
    ];
}
