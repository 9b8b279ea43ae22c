using System.Collections.Concurrent;
using CustomActivities.Core.Persistence;
using Microsoft.Extensions.Options;

namespace CustomActivities.Core.ApiClients;

/// <summary>
/// One node's limits: per-client rate window, daily quota and concurrency kept in this process's memory, and the call
/// counts behind them (SQLite: one node serves the database). Each
/// admitted call is added to the database before it runs (one small upsert, about the cost of a token lookup), so a
/// crash loses no counted call and cannot reset a daily quota. When that write fails the call still runs and its count
/// stays pending for the flusher, which retries every few seconds and on shutdown.
/// </summary>
public sealed class LocalApiUsageTracker(DatabaseEngine database, TimeProvider timeProvider, IOptionsMonitor<ApiOptions> options) : ApiUsageTracker
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

    public override async ValueTask<ApiAdmission> BeginAsync(int clientId, CancellationToken cancellationToken = default)
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

    public override ValueTask EndAsync(int clientId)
    {
        if (clients.TryGetValue(clientId, out var state))
        {
            lock (state)
            {
                state.Concurrent--;
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Adds the calls counted since the last flush to the database.</summary>
    public override async Task FlushAsync(CancellationToken cancellationToken = default)
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
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (clientId, day, calls, lastUsed) in work)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO "ApiClientUsage" ("ApiClientId", "Day", "Calls") SELECT @client, @day, @calls WHERE EXISTS (SELECT 1 FROM "ApiClients" WHERE "Id" = @client)
                ON CONFLICT ("ApiClientId", "Day") DO UPDATE SET "Calls" = "ApiClientUsage"."Calls" + excluded."Calls";
                UPDATE "ApiClients" SET "LastUsedAt" = @lastUsed WHERE "Id" = @client AND ("LastUsedAt" IS NULL OR "LastUsedAt" < @lastUsed);
                """;
            command.AddParameter("@client", clientId);
            command.AddParameter("@day", day);
            command.AddParameter("@calls", calls);
            command.AddParameter("@lastUsed", lastUsed.UtcTicks);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<long> LoadCallsAsync(int clientId, int day, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Calls" FROM "ApiClientUsage" WHERE "ApiClientId" = @client AND "Day" = @day;""";
        command.AddParameter("@client", clientId);
        command.AddParameter("@day", day);
        return await command.ExecuteScalarAsync(cancellationToken) is long calls ? calls : 0;
    }
}

