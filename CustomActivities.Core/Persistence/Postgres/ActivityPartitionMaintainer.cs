using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomActivities.Core.Persistence.Postgres;

/// <summary>
/// Creates the monthly partitions of Activities ahead of time (this month and the next <see cref="MonthsAhead"/>),
/// at start and then twice a day, with the migration's "CreateActivityMonth" function. A month without its partition
/// still works (its rows land in the DEFAULT partition and move out when the month is created), so a failed run is
/// logged and tried again later; it must never fault the host.
/// </summary>
internal sealed class ActivityPartitionMaintainer(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<ActivityPartitionMaintainer> logger)
    : BackgroundService
{
    public const int MonthsAhead = 3;
    private static readonly TimeSpan Interval = TimeSpan.FromHours(12);

    /// <summary>Creates the missing partitions of this month and the coming ones; returns how many were created.</summary>
    public Task<int> CreateComingMonthsAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var month = new DateOnly(now.Year, now.Month, 1);
        return CreateMonthsAsync(month, month.AddMonths(MonthsAhead), cancellationToken);
    }

    /// <summary>Creates the missing partitions of the months from <paramref name="first"/> to <paramref name="last"/>; returns how many were created.</summary>
    public async Task<int> CreateMonthsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        var created = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            // One month per statement (and transaction): the DEFAULT partition is locked only while its month moves.
            await using var command = new NpgsqlCommand("""SELECT "CreateActivityMonth"(@month);""", connection);
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("month", month));
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                created++;
            }
        }
        return created;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var created = await CreateComingMonthsAsync(stoppingToken);
                if (created > 0)
                {
                    logger.LogInformation("Created {Count} monthly partitions of Activities.", created);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Creating the coming months' partitions of Activities failed; trying again in {Interval}.", Interval);
            }
            try
            {
                await Task.Delay(Interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
