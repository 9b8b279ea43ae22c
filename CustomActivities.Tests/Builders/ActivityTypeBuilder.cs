using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Tests.Builders;

/// <summary>
/// Fluent test data for activity types, stored as they would be after the lifecycle ran (for tests of other features).
/// Tests of the lifecycle itself go through the domain methods instead.
/// </summary>
public sealed class ActivityTypeBuilder
{
    private string apiName = "webinarAttended";
    private string displayName = "Webinar attended";
    private bool approved = true;
    private bool archived;
    private readonly List<ActivityField> fields =
    [
        new() { ApiName = "webinarName", DisplayName = "Webinar name", DataType = FieldDataType.String, IsPrimary = true, Position = 0 },
    ];

    public ActivityTypeBuilder Named(string apiNameValue, string displayNameValue)
    {
        apiName = apiNameValue;
        displayName = displayNameValue;
        return this;
    }

    public ActivityTypeBuilder WithPrimary(string fieldApiName, FieldDataType type = FieldDataType.String, string? label = null)
    {
        fields.RemoveAll(f => f.IsPrimary);
        fields.Insert(0, new ActivityField { ApiName = fieldApiName, DisplayName = label ?? fieldApiName, DataType = type, IsPrimary = true, Position = 0 });
        return this;
    }

    public ActivityTypeBuilder WithField(string fieldApiName, FieldDataType type, string? label = null)
    {
        fields.Add(new ActivityField { ApiName = fieldApiName, DisplayName = label ?? fieldApiName, DataType = type, Position = fields.Count });
        return this;
    }

    public ActivityTypeBuilder AsDraft() { approved = false; return this; }
    public ActivityTypeBuilder Archived() { archived = true; return this; }

    public ActivityType Build() => new()
    {
        ApiName = apiName,
        IsArchived = archived,
        LiveVersionNumber = approved ? 1 : null,
        Versions =
        [
            new ActivityTypeVersion
            {
                Number = 1,
                State = approved ? VersionState.Approved : VersionState.Draft,
                DisplayName = displayName,
                TriggerName = "Does " + displayName,
                FilterName = "Did " + displayName,
                ApprovedAt = approved ? DateTimeOffset.UnixEpoch : null,
                ApprovedBy = approved ? "builder" : null,
                Fields = [.. fields.Select(f => new ActivityField
                {
                    ApiName = f.ApiName, DisplayName = f.DisplayName, DataType = f.DataType, IsPrimary = f.IsPrimary, Position = f.Position,
                })],
            },
        ],
    };
}
