namespace CustomActivities.Core.ActivityTypes;

/// <summary>
/// The one naming rule for a type seen through one of its versions (timeline entries, version history, approvals):
/// today's name first, so a person recognises the type, and the version's own label beside it when it differs.
/// </summary>
public static class ActivityTypeLabel
{
    /// <summary>"Cheque deposited" when the version used today's name, else "Cheque deposited (v2: Cheque cashed)".</summary>
    public static string For(string currentName, int versionNumber, string versionName) =>
        string.Equals(currentName.Trim(), versionName.Trim(), StringComparison.Ordinal)
            ? currentName
            : $"{currentName} (v{versionNumber}: {versionName})";

    public static string For(string currentName, VersionView version) => For(currentName, version.Number, version.DisplayName);
}
