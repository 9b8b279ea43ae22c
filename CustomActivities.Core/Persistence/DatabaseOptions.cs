namespace CustomActivities.Core.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Path of the SQLite file; relative paths are resolved against the folder of appsettings.json.</summary>
    public string Path { get; set; } = "data/customactivities.db";
}
