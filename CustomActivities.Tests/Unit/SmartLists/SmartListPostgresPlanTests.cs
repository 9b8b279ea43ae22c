using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.SmartLists;

/// <summary>
/// PostgreSQL's planner, given statistics (ANALYZE), picks a field's partial expression index by itself (the SQL names no
/// index there): the queries compare the very expression the index holds. A small fixture: 400 people with 20 webinars
/// each over a year, one in ten of them vip.
/// </summary>
[Trait("Database", "Postgres")]
public sealed class SmartListPostgresPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(CoreTestHost Host, int TypeId)> SeedAsync()
    {
        var host = await new CoreTestHostBuilder().At(Now).On(DatabaseProvider.Postgres).BuildAsync();
        var service = host.Get<ActivityTypeService>();
        var definition = Define.ActivityType.WithField("minutes", FieldDataType.Integer).WithField("vip", FieldDataType.Boolean).Build();
        Assert.True((await service.CreateAsync(Marketer, definition, Ct)).Succeeded);
        Assert.True((await service.ApproveAsync(Admin, "webinarAttended", cancellationToken: Ct)).Succeeded);
        await using var context = host.NewContext();
        var typeId = context.ActivityTypes.Single(t => t.ApiName == "webinarAttended").Id;
        context.People.AddRange(Enumerable.Range(0, 400).Select(i => A.Person.WithEmail($"p{i}@example.com").Build()));
        await context.SaveChangesAsync(Ct);
        // Rows written straight with SQL: only the plan is under test here, not the write path.
        var day = TimeSpan.TicksPerDay;
        await context.Database.ExecuteSqlAsync($"""
            INSERT INTO "Activities" ("PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "Attributes", "RecordedAt")
            SELECT p."Id", {typeId}, 1, {Now.UtcTicks} - ((g * 37 + p."Id") % 365) * {day}, 'Intro',
                jsonb_build_object('minutes', (g * 13 + p."Id") % 120, 'vip', (g + p."Id") % 10 = 0), {Now.UtcTicks}
            FROM "People" p CROSS JOIN generate_series(1, 20) g
            """, Ct);
        await context.Database.ExecuteSqlRawAsync("ANALYZE \"People\"; ANALYZE \"Activities\"", Ct);
        return (host, typeId);
    }

    [Fact]
    public async Task After_analyze_a_range_on_a_field_reads_its_partial_expression_index()
    {
        var (host, typeId) = await SeedAsync();
        await using var _ = host;
        var query = new SmartListQuery([SmartListFilter.Activity(typeId, FieldConstraint.Of("minutes", ConstraintOperator.GreaterOrEqual, "115"))]);

        var plan = string.Join(" | ", await host.Get<SmartListEvaluator>().ExplainAsync(query, page: false, Ct));

        // Activities is partitioned by month: each partition's copy of the field index compares the field's value.
        Assert.Matches("Index Cond: [^|]*'minutes'", plan);
        Assert.DoesNotContain("Seq Scan on \"Activities_default\"", plan);
    }

    [Fact]
    public async Task The_two_filter_count_reads_the_recent_window_and_the_field_through_indexes()
    {
        var (host, typeId) = await SeedAsync();
        await using var _ = host;
        var query = new SmartListQuery(
        [
            SmartListFilter.Activity(typeId, FieldConstraint.Of("vip", ConstraintOperator.IsTrue)),
            new SmartListFilter(SmartListFilterKind.Activity, typeId, Window: ActivityWindow.Past(3)),
        ]);

        var plan = string.Join(" | ", await host.Get<SmartListEvaluator>().ExplainAsync(query, page: false, Ct));

        // The planner lists the vip activities through the field's index and checks the window by time.
        Assert.Matches("Index Cond: [^|]*'vip'", plan);
        Assert.DoesNotContain("Seq Scan on \"Activities_default\"", plan);
    }
}
