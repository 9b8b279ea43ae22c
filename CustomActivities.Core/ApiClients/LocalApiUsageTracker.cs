using CustomActivities.Core.Persistence.Sqlite;
using System.Collections.Concurrent;
using System.Globalization;
using CustomActivities.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomActivities.Core.ApiClients;

public enum ApiAdmission
{
    Admitted,

    /// <summary>606: more calls in the window than allowed.</summary>
    RateLimited,

    /// <summary>607: the daily quota is used up.</summary>
    QuotaExceeded,

    /// <summary>615: too many calls of the client at once.</summary>
    TooManyConcurrent,
}

/// <summary>
/// Per-client limits (rate window, daily quota, concurrency) kept in memory and the call counts behind them. Each
/// admitted call is added to the database before it runs (one small upsert, about the cost of a token lookup), so a
/// crash loses no counted call and cannot reset a daily quota. When that write fails the call still runs and its count
/// stays pending for the flusher, which retries every few seconds and on shutdown.
/// </summary>
public sealed class ApiUsageTracker(SqliteDatabase database, TimeProvider timeProvider, IOptionsMonitor<ApiOptions> options)
{
    private sealed class ClientState
    {
        public readonly Queue<long> Window = new();
        public int Concurrent;
        public int Day;
        public long CallsToday;
        public bool Loaded;
        public long Pending;
        public DateTimeOffset? LastUsed;
    }

    private readonly ConcurrentDictionary<int, ClientState> clients = new();
    private readonly SemaphoreSlim flushGate = new(1, 1);

    public static int DayNumber(DateTimeOffset instant) => int.Parse(instant.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static DateOnly DayOf(int day) => new(day / 10000, day / 100 % 100, day % 100);

    /// <summary>Admits a call or says which limit it hits. An admitted call must be ended with <see cref="End"/>.</summary>
    public async ValueTask<ApiAdmission> BeginAsync(int clientId, CancellationToken cancellationToken = default)
    {
        var state = clients.GetOrAdd(clientId, _ => new ClientState());
        var now = timeProvider.GetUtcNow();
        var day = DayNumber(now);
        if (!state.Loaded || state.Day != day)
        {
            if (state.Loaded)
            {
                // A new UTC day: the calls counted so far belong to the day before.
                await FlushAsync(cancellationToken);
            }
            var stored = await LoadCallsAsync(clientId, day, cancellationToken);
            lock (state)
            {
                if (!state.Loaded || state.Day != day)
                {
                    state.Day = day;
                    state.CallsToday = stored;
                    state.Loaded = true;
                }
            }
        }
        var limits = options.CurrentValue;
        lock (state)
        {
            if (state.Concurrent >= limits.MaxConcurrentCalls)
            {
                return ApiAdmission.TooManyConcurrent;
            }
            var windowStart = now.UtcTicks - TimeSpan.FromSeconds(limits.RateLimitWindowSeconds).Ticks;
            while (state.Window.Count > 0 && state.Window.Peek() <= windowStart)
            {
                state.Window.Dequeue();
            }
            if (state.Window.Count >= limits.RateLimitCalls)
            {
                return ApiAdmission.RateLimited;
            }
            if (state.CallsToday >= limits.DailyQuota)
            {
                return ApiAdmission.QuotaExceeded;
            }
            state.Window.Enqueue(now.UtcTicks);
            state.CallsToday++;
            state.Pending++;
            state.LastUsed = now;
            state.Concurrent++;
        }
        await TryPersistAsync(clientId, state);
        return ApiAdmission.Admitted;
    }

    /// <summary>Writes the client's pending count now; on failure it stays pending for the next flush.</summary>
    private async Task TryPersistAsync(int clientId, ClientState state)
    {
        (int Day, long Calls, DateTimeOffset LastUsed) work;
        lock (state)
        {
            if (state.Pending == 0 || state.LastUsed is not { } lastUsed)
            {
                return;
            }
            work = (state.Day, state.Pending, lastUsed);
            state.Pending = 0;
        }
        try
        {
            // Not cancelled with the request: a call admitted is counted even if its client goes away.
            await WriteAsync([(clientId, work.Day, work.Calls, work.LastUsed)], CancellationToken.None);
        }
        catch (Exception)
        {
            // The call is admitted and already holds a concurrency slot: it runs, and the flusher writes its count later.
            Restore(state, work.Day, work.Calls);
        }
    }

    private static void Restore(ClientState state, int day, long calls)
    {
        lock (state)
        {
            // Pending holds the current day's calls only: a count of a day already over cannot be put back.
            if (state.Day == day)
            {
                state.Pending += calls;
            }
        }
    }

    public void End(int clientId)
    {
        if (clients.TryGetValue(clientId, out var state))
        {
            lock (state)
            {
                state.Concurrent--;
            }
        }
    }

    /// <summary>Adds the calls counted since the last flush to the database.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await flushGate.WaitAsync(cancellationToken);
        try
        {
            var work = new List<(int ClientId, int Day, long Calls, DateTimeOffset LastUsed)>();
            foreach (var (clientId, state) in clients)
            {
                lock (state)
                {
                    if (state.Pending > 0 && state.LastUsed is { } lastUsed)
                    {
                        work.Add((clientId, state.Day, state.Pending, lastUsed));
                        state.Pending = 0;
                    }
                }
            }
            if (work.Count == 0)
            {
                return;
            }
            try
            {
                await WriteAsync(work, cancellationToken);
            }
            catch
            {
                foreach (var (clientId, day, calls, _) in work)
                {
                    Restore(clients[clientId], day, calls);
                }
                throw;
            }
        }
        finally
        {
            flushGate.Release();
        }
    }

    private async Task WriteAsync(IReadOnlyList<(int ClientId, int Day, long Calls, DateTimeOffset LastUsed)> work, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        SqliteConnectionSetup.Apply(connection);
        await using var transaction = connection.BeginTransaction();
        foreach (var (clientId, day, calls, lastUsed) in work)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO ApiClientUsage (ApiClientId, Day, Calls) SELECT $client, $day, $calls WHERE EXISTS (SELECT 1 FROM ApiClients WHERE Id = $client)
                ON CONFLICT (ApiClientId, Day) DO UPDATE SET Calls = Calls + excluded.Calls;
                UPDATE ApiClients SET LastUsedAt = $lastUsed WHERE Id = $client AND (LastUsedAt IS NULL OR LastUsedAt < $lastUsed);
                """;
            command.Parameters.AddWithValue("$client", clientId);
            command.Parameters.AddWithValue("$day", day);
            command.Parameters.AddWithValue("$calls", calls);
            command.Parameters.AddWithValue("$lastUsed", lastUsed.UtcTicks);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<long> LoadCallsAsync(int clientId, int day, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Calls FROM ApiClientUsage WHERE ApiClientId = $client AND Day = $day;";
        command.Parameters.AddWithValue("$client", clientId);
        command.Parameters.AddWithValue("$day", day);
        return await command.ExecuteScalarAsync(cancellationToken) is long calls ? calls : 0;
    }
}

/// <summary>
/// Writes the counts whose write failed when their call was admitted, every few seconds and once more on shutdown.
/// A failing write (database locked, disk full) is logged and retried on the next tick: it must never stop the host.
/// </summary>
internal sealed class ApiUsageFlusher(ApiUsageTracker tracker, ILogger<ApiUsageFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One flush; false when it failed (the counts stay pending for the next one).</summary>
    internal async Task<bool> FlushOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tracker.FlushAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Writing the API usage counts failed; retrying on the next tick.");
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushOnceAsync(CancellationToken.None);
    }
}
