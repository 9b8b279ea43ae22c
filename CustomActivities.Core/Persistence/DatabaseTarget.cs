namespace CustomActivities.Core.Persistence;

/// <summary>
/// Which database the app uses and where it is: the SQLite file's path, or the PostgreSQL connection string.
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string Location)
{
    public static DatabaseTarget Sqlite(string path) => new(DatabaseProvider.Sqlite, path);

    public static DatabaseTarget Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>For logs and the start-up banner: never the password.</summary>
    public override string ToString() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite file {Location}"
        : $"PostgreSQL {Persistence.Postgres.PostgresEngine.Describe(Location)}";
}
