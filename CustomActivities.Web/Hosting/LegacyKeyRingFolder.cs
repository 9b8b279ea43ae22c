namespace CustomActivities.Web;

/// <summary>
/// Where versions that kept the Data Protection keys in files stored them (<c>keys</c> beside the SQLite file): imported
/// into the database once at start-up.
/// </summary>
public sealed record LegacyKeyRingFolder(string Path);
