using CustomActivities.Core.Auditing;

namespace CustomActivities.Core.ActivityTypes;

public enum ActivityTypeStatus
{
    Draft,
    Approved,
    ApprovedWithDraft,
    Archived,
}

/// <summary>
/// A custom activity type: a stable identity (id and API name) over a series of versions.
/// The latest approved version is live; at most one draft version waits for approval.
/// </summary>
public class ActivityType : IAuditableEntity
{
    public int Id { get; set; }
    public required string ApiName { get; set; }
    public bool IsArchived { get; set; }

    /// <summary>Number of the live (latest approved) version; null until first approved.</summary>
    public int? LiveVersionNumber { get; set; }

    /// <summary>Who last edited the pending draft, so an admin cannot approve their own change unless allowed.</summary>
    public string? DraftEditedBy { get; set; }

    /// <summary>Changed on every save; SQLite has no rowversion, so this is the optimistic concurrency token.</summary>
    public int ConcurrencyStamp { get; set; }

    public List<ActivityTypeVersion> Versions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
