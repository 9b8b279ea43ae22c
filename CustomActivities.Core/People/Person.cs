using CustomActivities.Core.Auditing;

namespace CustomActivities.Core.People;

/// <summary>A person (Marketo: lead) that activities are recorded against.</summary>
public class Person : IAuditableEntity
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Company { get; set; }
    public DateTimeOffset? LastActivityAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
}
