using Npgsql;

namespace CustomActivities.Tests.Support;

/// <summary>
/// A fresh, empty database on the PostgreSQL server of the tests (CUSTOMACTIVITIES_TEST_POSTGRES, by default the local
/// server as postgres/postgres), dropped when disposed. Tests that need it carry [Trait("Database", "Postgres")].
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("CUSTOMACTIVITIES_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    public string Name { get; } = $"mn_test_{Guid.NewGuid():N}";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = Name }.ConnectionString;

    public async ValueTask InitializeAsync() => await OnServerAsync($"CREATE DATABASE \"{Name}\"");

    /// <summary>Ends a session as an administrator or a failover would: the client sees its connection dropped.</summary>
    public async Task TerminateAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1)", connection) { Parameters = { new() { Value = processId } } };
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
