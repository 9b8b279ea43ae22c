using System.Collections.Concurrent;
using CustomActivities.Core.ApiClients;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CustomActivities.Core.Persistence.Postgres;

/// <summary>
/// API limits shared by every web node on one PostgreSQL database: the rate window (606), the daily quota (607) and
/// the concurrency limit (615) count the calls made to all of them.
/// <para>
/// Admission is one round trip: the function <c>"ApiAdmitCall"</c> (migration SharedApiUsageCounters) takes a
/// transaction-scoped advisory lock on the client (so nodes admitting the same client take turns for a few
/// microseconds), checks the three limits and, when they pass, records the call: a row in <c>"ApiCallTimes"</c>
/// (the sliding window: rows older than the window are deleted as it goes, so at most the rate limit stay per client),
/// +1 on today's <c>"ApiClientUsage"</c> (the quota, shown on the API clients page) and +1 on the node's
/// <c>"ApiCallsInFlight"</c> counter. An ended call is −1 on that counter (a second statement, after the call ran).
/// </para>
/// <para>
/// Crash safety: concurrency is counted per node, and a node counts only while its heartbeat (<c>"ApiNodes"</c>,
/// refreshed by admissions and the flusher every few seconds) is fresh. A node that dies with calls in flight stops
/// holding their slots <see cref="StaleAfter"/> later; a restarted process is a new node. Its rows are removed after
/// <see cref="ForgetAfter"/>. The window, in-flight and node tables are UNLOGGED: a crash of the server empties them
/// (limits start afresh), while the daily counts stay in the logged <c>"ApiClientUsage"</c>, written before the call runs.
/// </para>
/// </summary>
internal sealed class PostgresApiUsageTracker(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptionsMonitor<ApiOptions> options)
    : ApiUsageTracker
{
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>This process: its in-flight counters are its own, so they die with it.</summary>
    public Guid Node { get; } = Guid.NewGuid();

    private readonly ConcurrentDictionary<int, int> pendingReleases = new();
    private long lastHeartbeatTicks;

    public override async ValueTask<ApiAdmission> BeginAsync(int clientId, CancellationToken cancellationToken = default)
    {
        var limits = options.CurrentValue;
        var now = timeProvider.GetUtcNow();
        var heartbeat = HeartbeatDue(now);
        await using var command = dataSource.CreateCommand("""
            SELECT "ApiAdmitCall"(@client, @node, @now, @window, @rate, @day, @quota, @concurrent, @stale, @heartbeat)
            """);
        command.Parameters.AddWithValue("client", clientId);
        command.Parameters.AddWithValue("node", Node);
        command.Parameters.AddWithValue("now", now.UtcTicks);
        command.Parameters.AddWithValue("window", TimeSpan.FromSeconds(limits.RateLimitWindowSeconds).Ticks);
        command.Parameters.AddWithValue("rate", limits.RateLimitCalls);
        command.Parameters.AddWithValue("day", DayNumber(now));
        command.Parameters.AddWithValue("quota", limits.DailyQuota);
        command.Parameters.AddWithValue("concurrent", limits.MaxConcurrentCalls);
        command.Parameters.AddWithValue("stale", StaleAfter.Ticks);
        command.Parameters.AddWithValue("heartbeat", heartbeat);
        // Cancelled with the request, the function's transaction rolls back whole: nothing counted, nothing admitted.
        var answer = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (heartbeat)
        {
            Interlocked.Exchange(ref lastHeartbeatTicks, now.UtcTicks);
        }
        return answer switch
        {
            0 => ApiAdmission.Admitted,
            1 => ApiAdmission.RateLimited,
            2 => ApiAdmission.QuotaExceeded,
            _ => ApiAdmission.TooManyConcurrent,
        };
    }

    public override async ValueTask EndAsync(int clientId)
    {
        try
        {
            await ReleaseAsync(clientId, 1, CancellationToken.None);
        }
        catch (Exception)
        {
            // The slot stays taken until the flusher manages to give it back (or the node's heartbeat goes stale).
            pendingReleases.AddOrUpdate(clientId, 1, (_, count) => count + 1);
        }
    }

    /// <summary>Gives back the releases whose write failed, keeps the node's heartbeat fresh and forgets dead nodes.</summary>
    public override async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var clientId in pendingReleases.Keys)
        {
            if (pendingReleases.TryRemove(clientId, out var count))
            {
                try
                {
                    await ReleaseAsync(clientId, count, cancellationToken);
                }
                catch
                {
                    pendingReleases.AddOrUpdate(clientId, count, (_, more) => more + count);
                    throw;
                }
            }
        }
        var now = timeProvider.GetUtcNow();
        if (HeartbeatDue(now))
        {
            await using var command = dataSource.CreateCommand("""
                INSERT INTO "ApiNodes" ("Node", "SeenAt") VALUES (@node, @now)
                ON CONFLICT ("Node") DO UPDATE SET "SeenAt" = GREATEST("ApiNodes"."SeenAt", excluded."SeenAt");
                DELETE FROM "ApiNodes" WHERE "SeenAt" < @forget;
                """);
            command.Parameters.AddWithValue("node", Node);
            command.Parameters.AddWithValue("now", now.UtcTicks);
            command.Parameters.AddWithValue("forget", (now - ForgetAfter).UtcTicks);
            await command.ExecuteNonQueryAsync(cancellationToken);
            Interlocked.Exchange(ref lastHeartbeatTicks, now.UtcTicks);
        }
    }

    private bool HeartbeatDue(DateTimeOffset now) =>
        now.UtcTicks - Interlocked.Read(ref lastHeartbeatTicks) >= HeartbeatEvery.Ticks || now.UtcTicks < Interlocked.Read(ref lastHeartbeatTicks);

    private async Task ReleaseAsync(int clientId, int count, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE "ApiCallsInFlight" SET "Calls" = GREATEST("Calls" - @count, 0) WHERE "ApiClientId" = @client AND "Node" = @node
            """);
        command.Parameters.AddWithValue("count", count);
        command.Parameters.AddWithValue("client", clientId);
        command.Parameters.Add(new NpgsqlParameter("node", NpgsqlDbType.Uuid) { Value = Node });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
