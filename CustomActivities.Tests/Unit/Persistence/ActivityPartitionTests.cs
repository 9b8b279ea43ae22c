using CustomActivities.Core.Persistence;
using CustomActivities.Core.Persistence.Postgres;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CustomActivities.Tests.Unit.Persistence;

[Trait("Database", "Postgres")]
public sealed class ActivityPartitionTests
{
    [Fact]
    public async Task The_maintainer_creates_this_and_the_coming_months_once_and_moves_their_rows_out_of_the_default_partition()
    {
        using var database = new TempDatabase(DatabaseProvider.Postgres);
        await using var dataSource = NpgsqlDataSource.Create(database.Target.Location);
        var juneTicks = new DateTimeOffset(2031, 6, 15, 12, 0, 0, TimeSpan.Zero).UtcTicks;
        await ExecuteAsync(dataSource, """
            INSERT INTO "People" ("Email", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy") VALUES ('partition@example.com', 0, 'test', 0, 'test');
            """);
        await ExecuteAsync(dataSource, $"""
            INSERT INTO "Activities" ("PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "RecordedAt")
            SELECT (SELECT MIN("Id") FROM "People"), (SELECT MIN("Id") FROM "ActivityTypes"), 1, {juneTicks}, 0;
            """);
        Assert.Equal("\"Activities_default\"", await PartitionOfAsync(dataSource, juneTicks));
        var maintainer = new ActivityPartitionMaintainer(dataSource, new FakeTimeProvider(new DateTimeOffset(2031, 5, 20, 8, 0, 0, TimeSpan.Zero)),
            NullLogger<ActivityPartitionMaintainer>.Instance);

        var created = await maintainer.CreateComingMonthsAsync(TestContext.Current.CancellationToken);
        var again = await maintainer.CreateComingMonthsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ActivityPartitionMaintainer.MonthsAhead + 1, created);
        Assert.Equal(0, again);
        Assert.Equal("\"Activities_2031_06\"", await PartitionOfAsync(dataSource, juneTicks));
        await using var command = dataSource.CreateCommand("""
            SELECT COUNT(*) FROM pg_inherits WHERE inhparent = '"Activities"'::regclass
              AND inhrelid::regclass::text IN ('"Activities_2031_05"', '"Activities_2031_06"', '"Activities_2031_07"', '"Activities_2031_08"');
            """);
        Assert.Equal(4L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<string?> PartitionOfAsync(NpgsqlDataSource dataSource, long occurredAt)
    {
        await using var command = dataSource.CreateCommand($"""SELECT tableoid::regclass::text FROM "Activities" WHERE "OccurredAt" = {occurredAt};""");
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
