using Npgsql;

namespace CustomActivities.Tests.Support;

/// <summary>
/// A fresh, empty database on the PostgreSQL server of the tests (CUSTOMACTIVITIES_TEST_POSTGRES, by default the local
/// server as postgres/postgres), dropped when disposed. Tests that need it carry [Trait("Database", "Postgres")].
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public string Name { get; } = $"ca_empty_{Guid.NewGuid():N}";

    public string ConnectionString => TestPostgres.ConnectionStringFor(Name);

    public ValueTask InitializeAsync()
    {
        TestPostgres.CreateEmptyDatabase(Name);
        return ValueTask.CompletedTask;
    }

    /// <summary>Ends a session as an administrator or a failover would: the client sees its connection dropped.</summary>
    public async Task TerminateAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1)", connection) { Parameters = { new() { Value = processId } } };
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }

    public ValueTask DisposeAsync()
    {
        TestPostgres.DropDatabase(Name);
        return ValueTask.CompletedTask;
    }
}
