namespace CustomActivities.Core.Activities;

/// <summary>
/// Something a person did, recorded against one approved version of its type. Never changed after it is written.
/// </summary>
public class Activity
{
    public long Id { get; set; }
    public int PersonId { get; set; }
    public int ActivityTypeId { get; set; }

    /// <summary>The type version the activity was validated against, so it always shows with that version's labels.</summary>
    public int TypeVersionNumber { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
    public string? PrimaryValue { get; set; }

    /// <summary>
    /// Marketo's primaryAttributeValueId: the id behind the primary value of a standard activity (the list of Add to List,
    /// the lead field of Change Data Value, the lead of New Lead); null for custom activities.
    /// </summary>
    public long? PrimaryValueId { get; set; }

    /// <summary>Secondary field values as a JSON object keyed by field API name (queried with json_extract).</summary>
    public string? Attributes { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
