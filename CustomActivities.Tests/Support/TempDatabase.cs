namespace CustomActivities.Tests.Support;

/// <summary>A real SQLite file in a fresh temporary folder, removed when disposed.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "customactivities-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "test.db");
    }

    public string Folder { get; }
    public string Path { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still shutting down may hold the file; the temp folder is cleaned by the OS.
        }
    }
}
