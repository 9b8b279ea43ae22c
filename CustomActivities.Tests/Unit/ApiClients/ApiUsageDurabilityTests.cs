using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomActivities.Tests.Unit.ApiClients;

/// <summary>
/// The durability rule of issue 11 (defect 9) on a real database: an admitted call is in the database before it
/// runs, so a process killed without a flush (kill -9) loses no count. Checked here without flushing instead of by
/// killing a process, which would make the rule no clearer and the test much slower.
/// </summary>
public sealed class ApiUsageDurabilityTests
{
    [Fact]
    public async Task Every_admitted_call_is_stored_before_it_runs_without_any_flush()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var tracker = host.Get<ApiUsageTracker>();
        var client = (await host.Get<ApiClientService>().CreateAsync("durable", ApiPermission.Full, TestContext.Current.CancellationToken)).Value!.Id;

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(ApiAdmission.Admitted, await tracker.BeginAsync(client, TestContext.Current.CancellationToken));
            await tracker.EndAsync(client);
        }

        await using var context = host.NewContext();
        Assert.Equal(20, await context.Set<ApiClientUsage>().Where(u => u.ApiClientId == client).SumAsync(u => u.Calls, TestContext.Current.CancellationToken));
    }

    /// <summary>SQLite's tracker keeps a count whose write failed in memory; PostgreSQL's admits nothing it could not count.</summary>
    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task A_failing_write_is_logged_and_kept_and_the_next_flush_stores_it()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var tracker = host.Get<ApiUsageTracker>();
        var client = (await host.Get<ApiClientService>().CreateAsync("flaky", ApiPermission.Full, TestContext.Current.CancellationToken)).Value!.Id;
        Assert.Equal(ApiAdmission.Admitted, await tracker.BeginAsync(client, TestContext.Current.CancellationToken));
        await tracker.EndAsync(client);
        await ExecuteAsync(host.DatabasePath, "ALTER TABLE ApiClientUsage RENAME TO ApiClientUsageAway;");
        var flusher = new ApiUsageFlusher(tracker, NullLogger<ApiUsageFlusher>.Instance);

        Assert.Equal(ApiAdmission.Admitted, await tracker.BeginAsync(client, TestContext.Current.CancellationToken));
        await tracker.EndAsync(client);
        var failed = await flusher.FlushOnceAsync(TestContext.Current.CancellationToken);
        await ExecuteAsync(host.DatabasePath, "ALTER TABLE ApiClientUsageAway RENAME TO ApiClientUsage;");
        var retried = await flusher.FlushOnceAsync(TestContext.Current.CancellationToken);

        Assert.False(failed);
        Assert.True(retried);
        Assert.Equal(2, await StoredCallsAsync(host.DatabasePath, client));
    }

    private static async Task<long> StoredCallsAsync(string path, int client)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(Calls), 0) FROM ApiClientUsage WHERE ApiClientId = $client;";
        command.Parameters.AddWithValue("$client", client);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
