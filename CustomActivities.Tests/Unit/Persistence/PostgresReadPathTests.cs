using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.People;
using CustomActivities.Core.Persistence;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Unit.Persistence;

/// <summary>
/// The read paths on PostgreSQL over rows put in with SQL (<c>generate_series</c>), so they are checked there apart
/// from the write path: PostgreSQL's own plans (its EXPLAIN, after ANALYZE), ILIKE, keyset seeks and the
/// lower(column) COLLATE "C" prefix indexes. The behaviour tests of each service run on both providers.
/// </summary>
[Trait("Database", "Postgres")]
public sealed class PostgresReadPathTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prefix_searches_read_the_lower_case_prefix_indexes_in_order_and_print_postgres_plans()
    {
        await using var host = await Host();
        await ExecuteAsync(host, """
            INSERT INTO "People" ("Email", "FirstName", "LastName", "Company", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
            SELECT 'user' || g || '@example' || (g % 50) || '.com', 'First' || (g % 300), 'Last' || (g % 700), 'Company ' || (g % 900),
                   g, 'seed', g, 'seed'
            FROM generate_series(1, 20000) AS g;
            ANALYZE "People";
            """);
        var people = host.Get<PeopleService>();

        var email = string.Join("\n", await people.ExplainSearchAsync(new PeopleQuery("User12", PeopleSearchField.Email, PeopleSort.Email, Take: 25), Ct));
        var any = string.Join("\n", await people.ExplainSearchAsync(new PeopleQuery("last1", Sort: PeopleSort.Email), Ct));
        var name = string.Join("\n", await people.ExplainSearchAsync(new PeopleQuery("last12", PeopleSearchField.Name, PeopleSort.Name), Ct));

        Assert.True(email.Contains("Index Scan using \"IX_People_Email_Prefix\""), email);
        Assert.True(email.Contains(">= 'user12'::text) AND ") && email.Contains("< 'user13'::text))"), email);
        Assert.DoesNotContain("Sort", email);
        Assert.DoesNotContain("Seq Scan", email + any + name);
        foreach (var index in new[] { "IX_People_Email_Prefix", "IX_People_FirstName_Prefix", "IX_People_LastName_Prefix", "IX_People_Company_Prefix" })
        {
            Assert.True(any.Contains(index), any);
        }
        Assert.True(name.Contains("IX_People_LastName_Prefix"), name);

        var page = await people.SearchAsync(new PeopleQuery("USER12", PeopleSearchField.Email, PeopleSort.Email, Take: 5), Ct);
        // Byte order of the lower-cased text, as SQLite's NOCASE: '0' sorts before '@'.
        Assert.Equal(["user12000@example0.com", "user12001@example1.com", "user12002@example2.com", "user12003@example3.com", "user12004@example4.com"],
            page.Rows.Select(r => r.Email));
        Assert.Equal((1000, true), (page.Count, page.CountIsCapped));
    }

    [Fact]
    public async Task Prefixes_match_literally_whatever_punctuation_wildcards_or_case_they_hold()
    {
        await using var host = await Host();
        await using (var context = host.NewContext())
        {
            context.People.AddRange(
                A.Person.WithEmail("ada.x@example.com").Named("Ada", "Lovelace").Build(),
                A.Person.WithEmail("ADA-Y@example.com").Named("a_b", "Smith").Build(),
                A.Person.WithEmail("adax@example.com").Named("a%b", "Jones").Build(),
                A.Person.WithEmail("ab@example.com").Named("axb", "Brown").Build());
            await context.SaveChangesAsync(Ct);
        }
        var people = host.Get<PeopleService>();
        async Task<string[]> Emails(string search, PeopleSearchField field = PeopleSearchField.Any) =>
            [.. (await people.SearchAsync(new PeopleQuery(search, field, PeopleSort.Email), Ct)).Rows.Select(r => r.Email)];

        Assert.Equal(["ada.x@example.com"], await Emails("ada.", PeopleSearchField.Email));
        Assert.Equal(["ADA-Y@example.com"], await Emails("Ada-", PeopleSearchField.Email));
        Assert.Equal(["ADA-Y@example.com"], await Emails("A_", PeopleSearchField.Name));
        Assert.Equal(["adax@example.com"], await Emails("a%", PeopleSearchField.Name));
        // Lower case in byte order, as SQLite's NOCASE sorts: '-' < '.' < 'b' < 'x'.
        Assert.Equal(["ab@example.com", "ADA-Y@example.com", "ada.x@example.com", "adax@example.com"], await Emails("a", PeopleSearchField.Email));
    }

    [Fact]
    public async Task Timeline_pages_filters_histogram_counts_and_api_paging_read_rows_written_by_sql()
    {
        await using var host = await Host();
        var (person, other, webinar, deposit) = await SeedTypesAsync(host);
        // 130 activities of the person in groups of 7 sharing a timestamp, every 5th a deposit; 10 of someone else.
        await ExecuteAsync(host, $"""
            INSERT INTO "Activities" ("PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "Attributes", "RecordedAt")
            SELECT {person}, CASE WHEN g % 5 = 0 THEN {deposit} ELSE {webinar} END, 1, {T0.UtcTicks} + (g / 7)::bigint * {TimeSpan.TicksPerMinute},
                   CASE WHEN g = 3 THEN '100% Sure_thing' ELSE 'a' || g END, json_build_object('note', 'n' || g), {T0.UtcTicks}
            FROM generate_series(0, 129) AS g ORDER BY random();
            INSERT INTO "Activities" ("PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "Attributes", "RecordedAt")
            SELECT {other}, {webinar}, 1, {T0.AddDays(40).UtcTicks} + g, 'o' || g, NULL, {T0.UtcTicks} FROM generate_series(0, 9) AS g;
            """);
        var timeline = host.Get<TimelineService>();

        var seen = new List<TimelineEntry>();
        TimelineCursor? cursor = null;
        do
        {
            var page = await timeline.OlderAsync(person, TimelineFilter.None, cursor, 50, Ct);
            seen.AddRange(page.Entries);
            cursor = page.Older;
        }
        while (cursor is not null);
        Assert.Equal(130, seen.Select(e => e.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.Id), seen.Select(e => e.Id));
        Assert.Equal("n129", seen.Single(e => e.PrimaryValue == "a129").Fields.Single(f => f.ApiName == "note").Value);

        var newer = await timeline.NewerAsync(person, TimelineFilter.None, TimelineCursor.Of(seen[60]), 5, Ct);
        Assert.Equal(seen.Skip(55).Take(5).Select(e => e.Id), newer.Entries.Select(e => e.Id));

        async Task<int> CountAsync(TimelineFilter filter) => (await timeline.OlderAsync(person, filter, null, 500, Ct)).Entries.Count;
        Assert.Equal(26, await CountAsync(new TimelineFilter(IncludeTypes: [deposit])));
        Assert.Equal(104, await CountAsync(new TimelineFilter(ExcludeTypes: [deposit])));
        Assert.Equal(["100% Sure_thing"], (await timeline.OlderAsync(person, new TimelineFilter(Text: "0% sURE_"), null, 50, Ct)).Entries.Select(e => e.PrimaryValue));
        Assert.Equal(0, await CountAsync(new TimelineFilter(Text: "e%t")));
        Assert.Equal(14, await CountAsync(new TimelineFilter(From: T0.AddMinutes(2), To: T0.AddMinutes(4))));

        var histogram = await timeline.HistogramAsync(person, TimeSpan.Zero, HistogramGranularity.Day, Ct);
        Assert.Equal([(DateOnly.FromDateTime(T0.UtcDateTime), 130)], histogram.Buckets.Select(b => (b.Start, b.Count)));

        var paging = host.Get<ActivityPaging>();
        var first = await paging.ReadAsync(new PagingPosition(T0.UtcTicks, 0), [webinar], [person], 100, Ct);
        Assert.True(first.MoreResult);
        Assert.True(PagingPosition.TryParse(first.NextPageToken, out var position));
        var second = await paging.ReadAsync(position, [webinar], [person], 100, Ct);
        Assert.False(second.MoreResult);
        Assert.Equal(104, first.Activities.Count + second.Activities.Count);
        Assert.Equal(first.Activities.Concat(second.Activities).OrderBy(a => a.OccurredAt).ThenBy(a => a.Id), first.Activities.Concat(second.Activities));

        await using var counting = host.NewContext();
        var counts = await ActivityCounts.ForTypesAsync(counting, [webinar, deposit], 50, Ct);
        Assert.Equal((50, 26), (counts[webinar], counts[deposit]));
        Assert.Equal(114, (await ActivityCounts.ForTypesAsync(counting, [webinar], ActivityCounts.Exact, Ct))[webinar]);
    }

    [Fact]
    public async Task Timeline_pages_and_the_histogram_seek_the_timeline_indexes_without_sorting()
    {
        await using var host = await Host();
        var (person, other, webinar, deposit) = await SeedTypesAsync(host);
        await ExecuteAsync(host, $"""
            INSERT INTO "Activities" ("PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "Attributes", "RecordedAt")
            SELECT CASE WHEN g % 100 = 0 THEN {person} ELSE {other} END, CASE WHEN g % 3 = 0 THEN {deposit} ELSE {webinar} END, 1,
                   {T0.UtcTicks} + g::bigint * {TimeSpan.TicksPerMinute}, 'a' || g, NULL, {T0.UtcTicks}
            FROM generate_series(0, 199999) AS g;
            ANALYZE "Activities";
            """);
        var timeline = host.Get<TimelineService>();
        var cursor = new TimelineCursor(T0.AddDays(10).UtcTicks, 1);

        var first = string.Join("\n", await timeline.ExplainPageAsync(person, TimelineFilter.None, null, 50, Ct));
        var deep = string.Join("\n", await timeline.ExplainPageAsync(person, TimelineFilter.None, cursor, 50, Ct));
        var filtered = string.Join("\n", await timeline.ExplainPageAsync(person, new TimelineFilter(IncludeTypes: [webinar, deposit], Text: "x"), cursor, 50, Ct));
        var oneType = string.Join("\n", await timeline.ExplainPageAsync(person, new TimelineFilter(IncludeTypes: [deposit]), cursor, 50, Ct));
        var histogram = string.Join("\n", await timeline.ExplainHistogramAsync(person, Ct));

        // Activities is partitioned by month: each partition's copy of a timeline index is named after its columns.
        const string personTimeline = "\"Activities_\\w+_PersonId_OccurredAt_Id_idx\"";
        Assert.Matches("Index Scan Backward using " + personTimeline, first);
        Assert.Matches("Index Scan Backward using " + personTimeline, deep);
        Assert.Contains("ROW(\"OccurredAt\", \"Id\") < ROW(", deep);
        // A text filter over this small fixture may be read through either of the person's indexes: only the keyset is held.
        Assert.True(filtered.Contains("ROW(\"OccurredAt\", \"Id\") < ROW("), filtered);
        Assert.Matches("Index Scan Backward using \"Activities_\\w+_PersonId_ActivityTypeId_OccurredAt_Id_idx\"", oneType);
        // The histogram counts in one pass over the person's entries and groups them by day (PostgresDialect.DailyCounts):
        // the portable seek per day would open every monthly partition once per day.
        Assert.Matches("(Index (Only )?Scan using|Bitmap Index Scan on) \"Activities_\\w+_PersonId_(ActivityTypeId_)?OccurredAt_Id_idx\"", histogram);
        Assert.Matches("(Group|Hash)Aggregate", histogram);
        Assert.DoesNotContain("Recursive Union", histogram);
        // Merge Append keeps the partitions' index order ("Sort Key"); a Sort node would mean sorting the rows.
        // The fixture's rows sit in the DEFAULT partition; the empty months cost nothing to scan, and the one-type page
        // of this small fixture (59 rows) is cheaper to sort than to merge, so the planner rightly does both.
        foreach (var plan in new[] { first, deep })
        {
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(plan, "Sort  \\(cost"), plan);
        }
        Assert.DoesNotContain("Seq Scan on \"Activities_default\"", first + deep + oneType + histogram);
    }

    private static Task<CoreTestHost> Host() => new CoreTestHostBuilder().On(DatabaseProvider.Postgres).BuildAsync();

    private static async Task<(int Person, int Other, int Webinar, int Deposit)> SeedTypesAsync(CoreTestHost host)
    {
        await using var context = host.NewContext();
        var person = A.Person.Build();
        var other = A.Person.Build();
        var webinar = A.ActivityType.WithField("note", FieldDataType.String).Build();
        var deposit = A.ActivityType.Named("chequeDeposited", "Cheque deposited").WithPrimary("memo").Build();
        context.AddRange(person, other, webinar, deposit);
        await context.SaveChangesAsync(Ct);
        return (person.Id, other.Id, webinar.Id, deposit.Id);
    }

    private static async Task ExecuteAsync(CoreTestHost host, string sql)
    {
        await using var connection = await host.Get<DatabaseEngine>().OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
