namespace CustomActivities.Core.Auditing;

/// <summary>Entities whose creation and last change are stamped by <see cref="AuditableEntityInterceptor"/>.</summary>
public interface IAuditableEntity
{
    DateTimeOffset CreatedAt { get; set; }
    string CreatedBy { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    string UpdatedBy { get; set; }
}
