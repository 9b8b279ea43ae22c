using CustomActivities.Core.Persistence;
using CustomActivities.Core.Persistence.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomActivities.Tests.Support;

/// <summary>Which database the Core and Integration suites run on: <c>CUSTOMACTIVITIES_TEST_PROVIDER=Postgres</c> or SQLite.</summary>
public static class TestDatabaseProvider
{
    public const string Variable = "CUSTOMACTIVITIES_TEST_PROVIDER";

    public static DatabaseProvider Current { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(Variable), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;
}

/// <summary>
/// The PostgreSQL server of a test run (<c>CUSTOMACTIVITIES_TEST_POSTGRES</c>, a connection string of a user that may
/// create databases; by default the local server as CI starts it). Each test gets its own database, copied from a
/// template migrated once per run, which is far cheaper than migrating each one.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "CUSTOMACTIVITIES_TEST_POSTGRES";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    /// <summary>A new database from the migrated template; returns its connection string.</summary>
    public static string CreateDatabase(string name)
    {
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"");
        return ConnectionStringFor(name);
    }

    /// <summary>A new database with no schema, for tests of what the app does on a bare server (signals, notifications).</summary>
    public static void CreateEmptyDatabase(string name) => Execute($"CREATE DATABASE \"{name}\"");

    public static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ToString();

    /// <summary>One value from a test's own database, to look at what the app stored.</summary>
    public static T Scalar<T>(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private static string CreateTemplate()
    {
        var name = $"ca_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        Execute($"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropDatabase(name);
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(ConnectionStringFor(name), npgsql => npgsql.MigrationsAssembly(PostgresEngine.MigrationsAssembly))
            .Options;
        using (var context = new AppDbContext(options))
        {
            context.Database.Migrate();
        }
        // CREATE DATABASE ... TEMPLATE refuses a template with open connections.
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
