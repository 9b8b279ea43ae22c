namespace CustomActivities.Core.Auditing;

/// <summary>One change to the system: who did what to which entity, with its state before and after (JSON).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? EntityName { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
