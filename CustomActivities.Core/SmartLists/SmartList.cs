using CustomActivities.Core.Auditing;

namespace CustomActivities.Core.SmartLists;

/// <summary>A saved smart list: a name over a query stored as versioned JSON (<see cref="SmartListJson"/>); members are never stored.</summary>
public class SmartList : IAuditableEntity
{
    public const int MaxNameLength = 255;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Definition { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
