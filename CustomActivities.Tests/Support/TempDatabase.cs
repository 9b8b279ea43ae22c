using CustomActivities.Core.Persistence;

namespace CustomActivities.Tests.Support;

/// <summary>
/// A fresh, real database for one test, removed when disposed: a SQLite file in a temporary folder, or, when the run
/// targets PostgreSQL (<see cref="TestDatabaseProvider"/>), a new database on the test server made from a migrated template.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string? postgresName;

    /// <param name="provider">The run's provider unless given (the browser tests always run the SQLite app).</param>
    public TempDatabase(DatabaseProvider? provider = null)
    {
        if ((provider ?? TestDatabaseProvider.Current) == DatabaseProvider.Postgres)
        {
            postgresName = $"ca_test_{Guid.NewGuid():N}";
            Target = DatabaseTarget.Postgres(TestPostgres.CreateDatabase(postgresName));
            return;
        }
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "customactivities-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Target = DatabaseTarget.Sqlite(System.IO.Path.Combine(Folder, "test.db"));
    }

    public DatabaseTarget Target { get; }

    /// <summary>The folder of the SQLite file; PostgreSQL runs have none.</summary>
    public string? Folder { get; }

    /// <summary>The SQLite file, for the tests that examine SQLite itself (marked <c>[Trait("Database", "Sqlite")]</c>).</summary>
    public string Path => SqliteFile(Target);

    /// <summary>The SQLite file of a test's database; a test that reads it runs on SQLite only.</summary>
    public static string SqliteFile(DatabaseTarget database) => database.Provider == DatabaseProvider.Sqlite
        ? database.Location
        : throw new InvalidOperationException("This test reads the SQLite file; mark it [Trait(\"Database\", \"Sqlite\")].");

    public void Dispose()
    {
        if (postgresName is not null)
        {
            TestPostgres.DropDatabase(postgresName);
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder!, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still shutting down may hold the file; the temp folder is cleaned by the OS.
        }
    }
}
