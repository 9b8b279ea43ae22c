using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomActivities.Core.Persistence.Sqlite;

public static class SqliteConnectionSetup
{
    /// <summary>
    /// No connection pool: a pooled connection handed back while a statement is still active on it poisons the pool,
    /// and the next Open fails with "unable to delete/modify user-function due to active statements" (seen under load
    /// in the browser tests on Microsoft.Data.Sqlite 9; dotnet/efcore#36591). The mechanism is known: a SqliteConnection
    /// dropped without Close while a reader is mid-way is reclaimed into the pool with its statement still running, and
    /// EF Core's user functions cannot be re-registered on it. On version 10 no code path here was found to do that
    /// (every connection, command and reader is disposed; the writer resets and finalizes its raw statement), and a
    /// concurrent load of the real services with pooling on (timelines, paging, writer, usage flushes, EF writes,
    /// cancellations, forced GCs, ClearAllPools) and the browser tests did not reproduce it; so the pool stays off
    /// until a cause is found. The price: open, pragmas and a one-row query take a median 85 µs here instead of 11 µs
    /// pooled (p95 ~0.4-1 ms against 36 µs), a few per page; the activity writer keeps its connection open.
    /// </summary>
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// WAL lets readers (timelines, smart lists) run while activities are written. synchronous=NORMAL in WAL mode
    /// keeps every committed transaction across a process crash; only a power loss can drop the last commits.
    /// </summary>
    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The single activity writer inserts into four secondary indexes, two of them at random places (by person): with
    /// SQLite's default 2 MB page cache each such insert soon reads its page back from the OS. 64 MB keeps the hot
    /// index pages in memory; it is one connection, so the memory is bounded. A checkpoint (copying the WAL into the
    /// database file, with an fsync) every 64 MB of WAL instead of every 4 MB spends far less time waiting on the disk.
    /// </summary>
    public static void ApplyForBulkWrites(DbConnection connection)
    {
        Apply(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384;";
        command.ExecuteNonQuery();
    }
}

/// <summary>Applies <see cref="SqliteConnectionSetup.Apply"/> to every connection EF Core opens.</summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        SqliteConnectionSetup.Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SqliteConnectionSetup.Apply(connection);
        return Task.CompletedTask;
    }
}
