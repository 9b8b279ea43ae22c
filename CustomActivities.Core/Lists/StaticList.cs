using CustomActivities.Core.Auditing;

namespace CustomActivities.Core.Lists;

/// <summary>A static list (Marketo: list): people added and removed by hand or through the API, never by rules.</summary>
public class StaticList : IAuditableEntity
{
    public const int MaxNameLength = 255;
    public const int MaxDescriptionLength = 2000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
