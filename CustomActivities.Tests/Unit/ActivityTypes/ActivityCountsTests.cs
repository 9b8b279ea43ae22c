using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Tests.Unit.ActivityTypes;

public sealed class ActivityCountsTests
{
    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Counting_a_types_activities_seeks_the_type_index_instead_of_scanning_every_activity()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = host.DatabasePath }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + ActivityCounts.Sql(2);
        command.Parameters.AddWithValue("@cap", ActivityCounts.ListCap);
        command.Parameters.AddWithValue("@id0", 1);
        command.Parameters.AddWithValue("@id1", 2);
        var steps = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                steps.Add(reader.GetString(3));
            }
        }

        Assert.Contains(steps, s => s.StartsWith("SEARCH a USING COVERING INDEX IX_Activities_Type_Time (ActivityTypeId=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, s => s.StartsWith("SCAN a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_and_approvals_give_each_types_real_count_and_a_cap_stops_counting_at_the_cap()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        int busy, quiet, personId;
        await using (var context = host.NewContext())
        {
            var person = A.Person.Build();
            var busyType = A.ActivityType.Named("busy", "Busy").Build();
            var quietType = A.ActivityType.Named("quiet", "Quiet").Build();
            context.AddRange(person, busyType, quietType);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
            (busy, quiet, personId) = (busyType.Id, quietType.Id, person.Id);
        }
        var now = host.Clock.GetUtcNow();
        await host.Get<ActivityBulkWriter>().WriteAsync(
            [.. Enumerable.Range(0, 5).Select(i => new NewActivity(personId, busy, 1, now.AddMinutes(i), null, null)),
             new NewActivity(personId, quiet, 1, now, null, null)], TestContext.Current.CancellationToken);

        var listed = await host.Get<ActivityTypeService>().ListAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(5, listed.Single(s => s.Id == busy).ActivityCount);
        Assert.Equal(1, listed.Single(s => s.Id == quiet).ActivityCount);
        Assert.False(listed.Single(s => s.Id == busy).ActivityCountIsCapped);

        await using var counting = host.NewContext();
        var capped = await ActivityCounts.ForTypesAsync(counting, [busy, quiet], 3, TestContext.Current.CancellationToken);
        Assert.Equal(3, capped[busy]);
        Assert.Equal(1, capped[quiet]);
        var onlyQuiet = await ActivityCounts.ForTypesAsync(counting, [quiet], ActivityCounts.Exact, TestContext.Current.CancellationToken);
        Assert.Equal(quiet, Assert.Single(onlyQuiet).Key);
    }
}
