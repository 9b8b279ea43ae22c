namespace CustomActivities.Core.ActivityTypes;

/// <summary>
/// What a person (wizard) or an integration (REST API, Marketo's type JSON) submits to create a type or edit its draft.
/// </summary>
public sealed record ActivityTypeDefinition(
    string ApiName,
    string DisplayName,
    string? Description,
    string TriggerName,
    string FilterName,
    FieldDefinition PrimaryField,
    IReadOnlyList<FieldDefinition> Fields)
{
    /// <summary>The primary field first, then the secondary fields in order.</summary>
    public IEnumerable<FieldDefinition> AllFields => Fields.Prepend(PrimaryField);
}

public sealed record FieldDefinition(string ApiName, string DisplayName, string? Description, FieldDataType DataType);

/// <summary>Marketo's lower-case data type names, as used on the wire.</summary>
public static class FieldDataTypeNames
{
    public static string ToWire(this FieldDataType dataType) => dataType.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out FieldDataType dataType) =>
        Enum.TryParse(value, ignoreCase: true, out dataType) && Enum.IsDefined(dataType) && !int.TryParse(value, out _);
}
