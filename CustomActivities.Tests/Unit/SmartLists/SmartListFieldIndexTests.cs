using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.SmartLists;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CustomActivities.Tests.Support.Actors;

namespace CustomActivities.Tests.Unit.SmartLists;

/// <summary>
/// The field indexes smart lists seek: approval creates them, start-up reconciles them (a file made before them, or a
/// type written straight to the database), a field removed by a new version loses its index while old activities still
/// evaluate, and the SQL names an index only when the file holds it with today's definition.
/// </summary>
public sealed class SmartListFieldIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> ApproveWebinarAsync(CoreTestHost host)
    {
        var service = host.Get<ActivityTypeService>();
        var definition = Define.ActivityType.WithField("minutes", FieldDataType.Integer).WithField("vip", FieldDataType.Boolean)
            .WithField("notes", FieldDataType.Text).Build();
        Assert.True((await service.CreateAsync(Marketer, definition, Ct)).Succeeded);
        Assert.True((await service.ApproveAsync(Admin, "webinarAttended", cancellationToken: Ct)).Succeeded);
        await using var context = host.NewContext();
        return context.ActivityTypes.Single(t => t.ApiName == "webinarAttended").Id;
    }

    /// <summary>A range on a number field (probed per person) and a 30-day window (listed): the shape of the benchmark's two-filter list.</summary>
    private static SmartListQuery LongWebinarAndRecentOne(int typeId) => new(
    [
        SmartListFilter.Activity(typeId, FieldConstraint.Of("minutes", ConstraintOperator.GreaterOrEqual, "60")),
        new SmartListFilter(SmartListFilterKind.Activity, typeId, Window: ActivityWindow.Past(30)),
    ]);

    [Fact]
    public async Task Approving_a_type_creates_an_index_per_deserving_secondary_field()
    {
        await using var host = await new CoreTestHostBuilder().At(Now).BuildAsync();

        var typeId = await ApproveWebinarAsync(host);

        var existing = await host.Get<ActivityFieldIndexes>().ExistingAsync(Ct);
        // The primary field is a column, and long text is searched with "contains", which no index serves; on SQLite a
        // number also gets a person-first index for the per-person probe of a range (a yes/no has no range).
        var personFirst = host.Get<SmartListDialect>().CheapPersonProbes;
        string[] expected = personFirst
            ? [$"IX_ActivityField_{typeId}_minutes", $"IX_ActivityField_{typeId}_minutes_ByPerson", $"IX_ActivityField_{typeId}_vip"]
            : [$"IX_ActivityField_{typeId}_minutes", $"IX_ActivityField_{typeId}_vip"];
        Assert.Equal(expected, existing.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(host.Get<ActivityFieldIndexes>().DefinitionOf(new ActivityFieldIndex(typeId, "minutes", ValueKind.Number)),
            existing[$"IX_ActivityField_{typeId}_minutes"]);
        if (personFirst)
        {
            Assert.Equal(host.Get<ActivityFieldIndexes>().DefinitionOf(new ActivityFieldIndex(typeId, "minutes", ValueKind.Number, ByPerson: true)),
                existing[$"IX_ActivityField_{typeId}_minutes_ByPerson"]);
        }
    }

    [Fact]
    public async Task Start_up_creates_the_missing_indexes_and_drops_stale_ones_then_has_nothing_left_to_do()
    {
        await using var host = await new CoreTestHostBuilder().At(Now).BuildAsync();
        int typeId;
        await using (var context = host.NewContext())
        {
            // Written straight to the file (as the seed command and older builds did): no approval event, no index.
            var type = A.ActivityType.Named("webinarAttended", "Webinar attended").WithField("seats", FieldDataType.Integer).Build();
            context.Add(type);
            await context.SaveChangesAsync(Ct);
            typeId = type.Id;
            var stale = $"CREATE INDEX \"IX_ActivityField_{typeId}_gone\" ON \"Activities\" (\"PersonId\") WHERE \"ActivityTypeId\" = {typeId}";
            await context.Database.ExecuteSqlRawAsync(stale, Ct);
        }
        Assert.DoesNotContain($"IX_ActivityField_{typeId}_seats", (await host.Get<ActivityFieldIndexes>().ExistingAsync(Ct)).Keys);

        await host.Get<DatabaseInitializer>().InitializeAsync(Ct);

        string[] expected = host.Get<SmartListDialect>().CheapPersonProbes
            ? [$"IX_ActivityField_{typeId}_seats", $"IX_ActivityField_{typeId}_seats_ByPerson"]
            : [$"IX_ActivityField_{typeId}_seats"];
        Assert.Equal(expected, (await host.Get<ActivityFieldIndexes>().ExistingAsync(Ct)).Keys.Order(StringComparer.Ordinal));
        var again = await host.Get<ActivityFieldIndexes>().ReconcileAsync(Ct);
        Assert.Empty(again.Created);
        Assert.Empty(again.Dropped);
    }

    [Fact]
    public async Task A_field_removed_by_a_new_version_loses_its_index_and_old_activities_still_evaluate()
    {
        await using var host = await new CoreTestHostBuilder().At(Now).BuildAsync();
        var typeId = await ApproveWebinarAsync(host);
        var person = A.Person.WithEmail("ann@x.com").Build();
        await using (var context = host.NewContext())
        {
            context.Add(person);
            await context.SaveChangesAsync(Ct);
        }
        await host.Get<ActivityBulkWriter>().WriteAsync(
            [An.Activity(person.Id, typeId).At(Now.AddDays(-2)).Primary("Intro").With("minutes", 50).With("vip", true).Build()], Ct);
        var service = host.Get<ActivityTypeService>();
        var detail = (await service.GetAsync("webinarAttended", Ct))!;

        Assert.True((await service.UpdateDraftAsync(Marketer, "webinarAttended", detail.Editing().WithoutField("minutes").Build(), detail.ConcurrencyStamp, Ct)).Succeeded);
        Assert.True((await service.ApproveAsync(Admin, "webinarAttended", cancellationToken: Ct)).Succeeded);

        Assert.Equal([$"IX_ActivityField_{typeId}_vip"], (await host.Get<ActivityFieldIndexes>().ExistingAsync(Ct)).Keys);
        var evaluator = host.Get<SmartListEvaluator>();
        var any = await evaluator.CountAsync(new SmartListQuery([SmartListFilter.Activity(typeId)]), cancellationToken: Ct);
        var vip = await evaluator.CountAsync(new SmartListQuery([SmartListFilter.Activity(typeId, FieldConstraint.Of("vip", ConstraintOperator.IsTrue))]), cancellationToken: Ct);
        Assert.Equal(1, any.Value);
        Assert.Equal(1, vip.Value);
        // The removed field can no longer be filtered: the list says so instead of failing.
        var removed = await evaluator.CountAsync(new SmartListQuery([SmartListFilter.Activity(typeId, FieldConstraint.Of("minutes", ConstraintOperator.Greater, "10"))]), cancellationToken: Ct);
        Assert.False(removed.Succeeded);
    }

    // SQLite's own plan and INDEXED BY (PostgreSQL names no index: SmartListPostgresPlanTests).
    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task A_two_filter_all_list_lists_the_recent_window_and_probes_the_field_through_its_index()
    {
        await using var host = await new CoreTestHostBuilder().At(Now).BuildAsync();
        var typeId = await ApproveWebinarAsync(host);
        var query = new SmartListQuery(
        [
            SmartListFilter.Activity(typeId, FieldConstraint.Of("vip", ConstraintOperator.IsTrue)),
            new SmartListFilter(SmartListFilterKind.Activity, typeId, Window: ActivityWindow.Past(30)),
        ]);

        var plan = string.Join(" | ", await host.Get<SmartListEvaluator>().ExplainAsync(query, page: false, Ct));

        Assert.Contains("LIST SUBQUERY", plan);
        // The window's people come from the type-and-time index alone (it holds the person).
        Assert.Contains("USING COVERING INDEX IX_Activities_Type_Time (ActivityTypeId=? AND OccurredAt>?)", plan);
        Assert.Contains($"IX_ActivityField_{typeId}_vip (<expr>=? AND PersonId=?)", plan);
        Assert.DoesNotContain("SCAN a", plan);
    }

    // SQLite's own plan and INDEXED BY (PostgreSQL names no index: SmartListPostgresPlanTests).
    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task A_range_on_a_field_is_probed_per_person_through_its_person_first_index()
    {
        await using var host = await new CoreTestHostBuilder().At(Now).BuildAsync();
        var typeId = await ApproveWebinarAsync(host);
        var query = LongWebinarAndRecentOne(typeId);

        var plan = string.Join(" | ", await host.Get<SmartListEvaluator>().ExplainAsync(query, page: false, Ct));

        Assert.Contains("USING COVERING INDEX IX_Activities_Type_Time (ActivityTypeId=? AND OccurredAt>?)", plan);
        Assert.Contains($"IX_ActivityField_{typeId}_minutes_ByPerson (PersonId=? AND <expr>>?)", plan);
        Assert.DoesNotContain("IX_Activities_Person_Type_Timeline", plan);

        // "Why" asks the same probes about one person, then lists the person's matching activities of the first filter.
        var why = string.Join(" | ", await host.Get<SmartListEvaluator>().ExplainWhyAsync(query, 1, Ct));
        Assert.Contains("SEARCH p USING INTEGER PRIMARY KEY (rowid=?)", why);
        Assert.Contains($"IX_ActivityField_{typeId}_minutes_ByPerson (PersonId=? AND <expr>>?)", why);
        Assert.Contains("then filter 1's activities:", why);
        var activities = why[why.IndexOf("then filter 1's activities:", StringComparison.Ordinal)..];
        Assert.Contains("SEARCH a USING INDEX IX_Activities_Person_Type_Timeline (PersonId=? AND ActivityTypeId=?)", activities);
        Assert.DoesNotContain("SCAN a", why);
    }

    // SQLite's own plan and INDEXED BY (PostgreSQL names no index: SmartListPostgresPlanTests).
    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task A_page_of_a_list_that_holds_most_people_reads_people_in_sort_order_and_probes_each_filter()
    {
        await using var host = await new CoreTestHostBuilder().At(Now).BuildAsync();
        var typeId = await ApproveWebinarAsync(host);
        var people = Enumerable.Range(0, 4).Select(i => A.Person.WithEmail($"p{i}@x.com").Build()).ToList();
        await using (var context = host.NewContext())
        {
            context.AddRange(people);
            await context.SaveChangesAsync(Ct);
        }
        await host.Get<ActivityBulkWriter>().WriteAsync(
            [.. people.Select(p => An.Activity(p.Id, typeId).At(Now.AddDays(-2)).Primary("Intro").With("minutes", 90).Build())], Ct);
        var query = LongWebinarAndRecentOne(typeId);

        var page = string.Join(" | ", await host.Get<SmartListEvaluator>().ExplainAsync(query, page: true, Ct));

        // The email index alone: a person's row is read only for the page's members, afterwards, by id.
        Assert.Contains("SCAN p USING COVERING INDEX IX_People_Email", page);
        Assert.Contains($"IX_ActivityField_{typeId}_minutes_ByPerson (PersonId=? AND <expr>>?)", page);
        Assert.Contains("IX_Activities_Person_Type_Timeline (PersonId=? AND ActivityTypeId=? AND OccurredAt>?)", page);
        Assert.DoesNotContain("TEMP B-TREE FOR ORDER BY", page);
        Assert.DoesNotContain("LIST SUBQUERY", page);
    }

    // SQLite's own plan and INDEXED BY (PostgreSQL names no index: SmartListPostgresPlanTests).
    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Without_a_window_a_range_on_an_indexed_field_reads_the_field_index_and_a_page_stops_in_sort_order()
    {
        await using var host = await new CoreTestHostBuilder().At(Now).BuildAsync();
        var typeId = await ApproveWebinarAsync(host);
        var query = new SmartListQuery([SmartListFilter.Activity(typeId, FieldConstraint.Of("minutes", ConstraintOperator.GreaterOrEqual, "60"))]);
        var evaluator = host.Get<SmartListEvaluator>();

        var count = string.Join(" | ", await evaluator.ExplainAsync(query, page: false, Ct));
        var page = string.Join(" | ", await evaluator.ExplainAsync(query, page: true, Ct));

        Assert.Contains($"SEARCH a USING INDEX IX_ActivityField_{typeId}_minutes (<expr>>?)", count);
        Assert.Contains("SCAN p USING INDEX IX_People_Email", page);
        Assert.DoesNotContain("TEMP B-TREE FOR ORDER BY", page);
    }

    // SQLite's own plan and INDEXED BY (PostgreSQL names no index: SmartListPostgresPlanTests).
    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task An_index_whose_stored_definition_differs_is_not_named_and_start_up_rebuilds_it()
    {
        await using var host = await new CoreTestHostBuilder().At(Now).BuildAsync();
        var typeId = await ApproveWebinarAsync(host);
        var name = $"IX_ActivityField_{typeId}_minutes";
        await using (var context = host.NewContext())
        {
            // As if the field had been text when the index was built: same name, another expression.
            var drop = $"DROP INDEX \"{name}\"";
            await context.Database.ExecuteSqlRawAsync(drop, Ct);
            foreach (var statement in host.Get<SmartListDialect>().CreateIndexStatements(new ActivityFieldIndex(typeId, "minutes", ValueKind.Text)))
            {
                await context.Database.ExecuteSqlRawAsync(statement, Ct);
            }
        }
        var query = new SmartListQuery([SmartListFilter.Activity(typeId, FieldConstraint.Of("minutes", ConstraintOperator.Equal, "60"))]);

        Assert.DoesNotContain(name, string.Join(" | ", await host.Get<SmartListEvaluator>().ExplainAsync(query, page: false, Ct)));
        Assert.True((await host.Get<SmartListEvaluator>().CountAsync(query, cancellationToken: Ct)).Succeeded);

        var changes = await host.Get<ActivityFieldIndexes>().ReconcileAsync(Ct);

        Assert.Equal([name], changes.Created);
        Assert.Contains(name, string.Join(" | ", await host.Get<SmartListEvaluator>().ExplainAsync(query, page: false, Ct)));
    }

    [Fact]
    public async Task A_stale_definition_under_the_same_name_is_rebuilt_by_start_up_and_the_list_still_counts_meanwhile()
    {
        await using var host = await new CoreTestHostBuilder().At(Now).BuildAsync();
        var typeId = await ApproveWebinarAsync(host);
        var indexes = host.Get<ActivityFieldIndexes>();
        var name = $"IX_ActivityField_{typeId}_minutes";
        await using (var context = host.NewContext())
        {
            // As if the field had been text when the index was built: same name, another expression.
            var drop = $"DROP INDEX \"{name}\"";
            await context.Database.ExecuteSqlRawAsync(drop, Ct);
            foreach (var statement in host.Get<SmartListDialect>().CreateIndexStatements(new ActivityFieldIndex(typeId, "minutes", ValueKind.Text)))
            {
                await context.Database.ExecuteSqlRawAsync(statement, Ct);
            }
        }
        var query = new SmartListQuery([SmartListFilter.Activity(typeId, FieldConstraint.Of("minutes", ConstraintOperator.Equal, "60"))]);
        var today = indexes.DefinitionOf(new ActivityFieldIndex(typeId, "minutes", ValueKind.Number));
        Assert.NotEqual(today, (await indexes.ExistingAsync(Ct))[name]);
        var meanwhile = await host.Get<SmartListEvaluator>().CountAsync(query, cancellationToken: Ct);
        Assert.True(meanwhile.Succeeded);
        Assert.Equal(0, meanwhile.Value);

        await host.Get<DatabaseInitializer>().InitializeAsync(Ct);

        Assert.Equal(today, (await indexes.ExistingAsync(Ct))[name]);
        var after = await host.Get<SmartListEvaluator>().CountAsync(query, cancellationToken: Ct);
        Assert.True(after.Succeeded);
        Assert.Equal(0, after.Value);
    }
}
