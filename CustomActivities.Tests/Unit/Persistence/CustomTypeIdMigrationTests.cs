using CustomActivities.Core.Activities;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomActivities.Tests.Unit.Persistence;

/// <summary>Custom type ids from 100001 (Marketo's custom range) and the migration that moves existing ones there.</summary>
public sealed class CustomTypeIdMigrationTests
{
    private const string MigrationBeforeTheMove = "20261130184824_StaticListsAndPrimaryValueId";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_database_gives_the_first_custom_type_id_100001_and_holds_the_standard_types()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        await using var context = host.NewContext();
        var type = A.ActivityType.Named("firstType", "First type").Build();
        context.ActivityTypes.Add(type);
        await context.SaveChangesAsync(Ct);

        Assert.Equal(StandardActivityTypes.FirstCustomId, type.Id);
        var standard = await context.ActivityTypes.IgnoreQueryFilters().Where(t => t.Id < StandardActivityTypes.FirstCustomId)
            .Include(t => t.Versions).OrderBy(t => t.Id).ToListAsync(Ct);
        Assert.Equal(StandardActivityTypes.All.Select(t => t.Id), standard.Select(t => t.Id));
        foreach (var (row, expected) in standard.Zip(StandardActivityTypes.All))
        {
            var live = Assert.Single(row.Versions);
            Assert.Equal(row.LiveVersionNumber, live.Number);
            Assert.Equal(expected.Name, live.DisplayName);
            Assert.Equal(expected.ApiName, row.ApiName);
            Assert.Equal([expected.Primary, .. expected.Attributes],
                live.Fields.OrderBy(f => f.Position).Select(f => new StandardAttribute(f.ApiName, f.DataType)));
        }
        // Custom-type queries never see the standard rows.
        Assert.Equal([type.Id], await context.ActivityTypes.Select(t => t.Id).ToListAsync(Ct));
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Migrating_a_database_with_custom_types_moves_them_with_their_versions_activities_and_audit_entries()
    {
        using var database = new TempDatabase(DatabaseProvider.Sqlite);
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={database.Path}").Options;
        int oldTypeId;
        long activityId;
        await using (var context = new AppDbContext(options))
        {
            await context.GetService<IMigrator>().MigrateAsync(MigrationBeforeTheMove, Ct);
            var type = A.ActivityType.Named("webinarAttended", "Webinar attended").Build();
            var person = A.Person.Build();
            context.AddRange(type, person);
            await context.SaveChangesAsync(Ct);
            oldTypeId = type.Id;
            var activity = new Activity
            {
                PersonId = person.Id, ActivityTypeId = type.Id, TypeVersionNumber = 1, PrimaryValue = "Intro",
                OccurredAt = DateTimeOffset.UtcNow, RecordedAt = DateTimeOffset.UtcNow,
            };
            context.Add(activity);
            context.AuditEntries.Add(new AuditEntry
            {
                Actor = "admin", Action = "activity-type.created", EntityType = "ActivityType", EntityId = type.Id.ToString(), OccurredAt = DateTimeOffset.UtcNow,
            });
            await context.SaveChangesAsync(Ct);
            activityId = activity.Id;
        }
        Assert.Equal(1, oldTypeId);

        await using (var context = new AppDbContext(options))
        {
            await context.Database.MigrateAsync(Ct);
            var moved = await context.ActivityTypes.Include(t => t.Versions).SingleAsync(Ct);
            Assert.Equal(100_001, moved.Id);
            Assert.Equal("webinarAttended", moved.ApiName);
            Assert.NotEmpty(moved.Versions);
            Assert.Equal(moved.Id, (await context.Activities.SingleAsync(a => a.Id == activityId, Ct)).ActivityTypeId);
            Assert.Equal("100001", (await context.AuditEntries.SingleAsync(Ct)).EntityId);
            Assert.Equal(StandardActivityTypes.All.Count, await context.ActivityTypes.IgnoreQueryFilters().CountAsync(t => t.Id < 100_001, Ct));

            var next = A.ActivityType.Named("secondType", "Second type").Build();
            context.ActivityTypes.Add(next);
            await context.SaveChangesAsync(Ct);
            Assert.Equal(100_002, next.Id);
        }
    }
}
