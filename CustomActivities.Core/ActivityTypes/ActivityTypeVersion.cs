using CustomActivities.Core.Auditing;

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

    internal static ActivityTypeVersion Draft(int number, ActivityTypeDefinition definition, Actor by, DateTimeOffset at)
    {
        var version = new ActivityTypeVersion
        {
            Number = number,
            State = VersionState.Draft,
            DisplayName = "",
            TriggerName = "",
            FilterName = "",
            CreatedAt = at,
            CreatedBy = by.Label,
        };
        version.Apply(definition);
        return version;
    }

    /// <summary>Replaces a draft's content; fields are matched by API name so unchanged rows stay.</summary>
    internal void Apply(ActivityTypeDefinition definition)
    {
        if (State != VersionState.Draft)
        {
            throw new InvalidOperationException("Only a draft version can change.");
        }
        DisplayName = definition.DisplayName.Trim();
        Description = string.IsNullOrWhiteSpace(definition.Description) ? null : definition.Description.Trim();
        TriggerName = definition.TriggerName.Trim();
        FilterName = definition.FilterName.Trim();

        var wanted = definition.AllFields.Select((f, i) => (Field: f, Position: i)).ToList();
        Fields.RemoveAll(existing => !wanted.Any(w => string.Equals(w.Field.ApiName.Trim(), existing.ApiName, StringComparison.Ordinal)));
        foreach (var (field, position) in wanted)
        {
            var apiName = field.ApiName.Trim();
            var row = Fields.FirstOrDefault(f => string.Equals(f.ApiName, apiName, StringComparison.Ordinal));
            if (row is null)
            {
                row = new ActivityField { ApiName = apiName, DisplayName = "" };
                Fields.Add(row);
            }
            row.DisplayName = field.DisplayName.Trim();
            row.Description = string.IsNullOrWhiteSpace(field.Description) ? null : field.Description.Trim();
            row.DataType = field.DataType;
            row.IsPrimary = position == 0;
            row.Position = position;
        }
    }
}
