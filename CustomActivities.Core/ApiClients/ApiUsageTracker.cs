using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
/// Per-client limits of the REST API (rate window, daily quota, concurrency) and the daily call counts behind them.
/// Which implementation runs is the database provider's choice: one node's memory on SQLite
/// (<see cref="LocalApiUsageTracker"/>), counters shared by every node in the database on PostgreSQL.
/// </summary>
public abstract class ApiUsageTracker
{
    public static int DayNumber(DateTimeOffset instant) => int.Parse(instant.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static DateOnly DayOf(int day) => new(day / 10000, day / 100 % 100, day % 100);

    /// <summary>Admits a call or says which limit it hits. An admitted call must be ended with <see cref="EndAsync"/>.</summary>
    public abstract ValueTask<ApiAdmission> BeginAsync(int clientId, CancellationToken cancellationToken = default);

    /// <summary>Ends an admitted call (frees its concurrency slot). Never throws: a failed release is retried by the flusher.</summary>
    public abstract ValueTask EndAsync(int clientId);

    /// <summary>Writes what is still pending (counts or releases whose write failed) to the database.</summary>
    public abstract Task FlushAsync(CancellationToken cancellationToken = default);
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
