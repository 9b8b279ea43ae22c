namespace CustomActivities.Core.ActivityTypes;

public enum VersionState
{
    Draft,
    Approved,
    Discarded,
}

/// <summary>One version of a type's definition. Approved versions are never changed again.</summary>
public class ActivityTypeVersion
{
    public int Id { get; set; }
    public int ActivityTypeId { get; set; }
    public int Number { get; set; }
    public VersionState State { get; set; }
    public required string DisplayName { get; set; }
    public string? Description { get; set; }
    public required string TriggerName { get; set; }
    public required string FilterName { get; set; }
    public List<ActivityField> Fields { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }

    public ActivityField PrimaryField => Fields.Single(f => f.IsPrimary);
    public IEnumerable<ActivityField> SecondaryFields => Fields.Where(f => !f.IsPrimary).OrderBy(f => f.Position);
}
