using CustomActivities.Core.ActivityTypes;

namespace CustomActivities.Tests.Builders;

public static class ActivityTypeVersionExtensions
{
    /// <summary>
    /// Adds the next approved version (as the lifecycle would after an approved edit): a copy of the live version's
    /// fields with some labels changed, e.g. <c>type.WithApprovedVersion(("webinarName", "Session title"))</c>.
    /// </summary>
    public static ActivityType WithApprovedVersion(this ActivityType type, params (string ApiName, string Label)[] relabel)
    {
        var live = type.Versions.OrderBy(v => v.Number).Last();
        var labels = relabel.ToDictionary(r => r.ApiName, r => r.Label);
        type.Versions.Add(new ActivityTypeVersion
        {
            Number = live.Number + 1,
            State = VersionState.Approved,
            DisplayName = live.DisplayName,
            TriggerName = live.TriggerName,
            FilterName = live.FilterName,
            ApprovedAt = DateTimeOffset.UnixEpoch,
            ApprovedBy = "builder",
            Fields = [.. live.Fields.Select(f => new ActivityField
            {
                ApiName = f.ApiName, DisplayName = labels.GetValueOrDefault(f.ApiName, f.DisplayName), DataType = f.DataType,
                IsPrimary = f.IsPrimary, Position = f.Position,
            })],
        });
        type.LiveVersionNumber = live.Number + 1;
        return type;
    }
}
