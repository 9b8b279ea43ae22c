using CustomActivities.Core.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomActivities.Core.Activities;

/// <summary>Removes stored Idempotency-Key answers older than <see cref="IdempotencyOptions.RetentionHours"/>.</summary>
public sealed class IdempotentCallSweeper(DatabaseEngine database, TimeProvider timeProvider, IOptionsMonitor<IdempotencyOptions> options)
{
    /// <summary>Deletes the expired answers (one range delete on the CreatedAt index) and returns how many were removed.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = timeProvider.GetUtcNow().AddHours(-options.CurrentValue.RetentionHours);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // CreatedAt is stored as UTC ticks, as the writer stores it.
        command.CommandText = """DELETE FROM "IdempotentCalls" WHERE "CreatedAt" < @cutoff;""";
        command.AddParameter("@cutoff", cutoff.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// Runs the sweeper at start and then every <see cref="IdempotencyOptions.SweepIntervalMinutes"/>. A failed sweep (a busy
/// or locked database) is logged and tried again next time: it must never fault the host.
/// </summary>
internal sealed class IdempotentCallCleanup(IdempotentCallSweeper sweeper, TimeProvider timeProvider,
    IOptionsMonitor<IdempotencyOptions> options, ILogger<IdempotentCallCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var removed = await sweeper.RemoveExpiredAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} expired Idempotency-Key answers.", removed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Removing expired Idempotency-Key answers failed; trying again at the next interval.");
            }
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(options.CurrentValue.SweepIntervalMinutes), timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
