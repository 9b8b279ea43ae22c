namespace CustomActivities.Core.Persistence.Sqlite;

/// <summary>Where the SQLite file is, for the code that talks to it without EF Core (the activity write path).</summary>
public sealed record SqliteDatabase(string Path)
{
    public string ConnectionString => SqliteConnectionSetup.ConnectionString(Path);
}
