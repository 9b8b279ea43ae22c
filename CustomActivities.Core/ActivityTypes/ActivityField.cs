namespace CustomActivities.Core.ActivityTypes;

/// <summary>A field of one version of an activity type.</summary>
public class ActivityField
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public required string ApiName { get; set; }
    public required string DisplayName { get; set; }
    public string? Description { get; set; }
    public FieldDataType DataType { get; set; }
    public bool IsPrimary { get; set; }
    public int Position { get; set; }
}
