namespace CustomActivities.Core.Persistence;

/// <summary>The database products the app runs on; the <c>Database:Provider</c> setting picks one at start-up.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file: nothing to install, one web node.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: large data, several web nodes on one database.</summary>
    Postgres,
}
