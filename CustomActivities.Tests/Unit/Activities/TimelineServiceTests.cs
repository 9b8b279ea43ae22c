using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Unit.Activities;

public sealed class TimelineServiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_newest_first_with_a_stable_order_for_equal_timestamps_and_no_skips_or_repeats_while_activities_arrive()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var (person, other, webinar, _) = await SeedAsync(host);
        var writer = host.Get<ActivityBulkWriter>();
        // 130 activities, in groups of 7 sharing one timestamp (so pages of 50 end inside a group), written in shuffled order.
        var random = new Random(7);
        var original = Enumerable.Range(0, 130)
            .Select(i => An.Activity(person, webinar).At(T0.AddMinutes(i / 7)).Primary($"a{i}").Build())
            .OrderBy(_ => random.Next())
            .ToList();
        var ids = await writer.WriteAsync(original, Ct);
        await writer.WriteAsync([An.Activity(other, webinar).At(T0.AddMinutes(5)).Build()], Ct);
        var expected = original.Zip(ids).OrderByDescending(x => x.First.OccurredAt).ThenByDescending(x => x.Second).Select(x => x.Second).ToList();
        var timeline = host.Get<TimelineService>();

        var seen = new List<long>();
        TimelineCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await timeline.OlderAsync(person, TimelineFilter.None, cursor, 50, Ct);
            seen.AddRange(page.Entries.Select(e => e.Id));
            cursor = page.Older;
            pages++;
            // Between pages new activities arrive: newer ones, and ones sharing the timestamp of the last entry shown
            // (their higher ids sort them above the cursor, so they belong to the "new activities" view, not to later pages).
            if (cursor is not null)
            {
                await writer.WriteAsync(
                [
                    An.Activity(person, webinar).At(T0.AddDays(1 + pages)).Primary("new").Build(),
                    An.Activity(person, webinar).At(new DateTimeOffset(cursor.OccurredAtTicks, TimeSpan.Zero)).Primary("same time").Build(),
                ], Ct);
            }
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(expected, seen);

        // The newest page now starts with what arrived meanwhile, still in (time, id) order.
        var top = await timeline.OlderAsync(person, TimelineFilter.None, null, 500, Ct);
        Assert.Equal(130 + 4, top.Entries.Count);
        Assert.Equal(top.Entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.Id), top.Entries.Select(e => e.Id));
        Assert.Null(top.Newer);
        Assert.Null(top.Older);
    }

    [Fact]
    public async Task Newer_pages_walk_back_towards_the_present_from_a_jumped_to_date()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var (person, _, webinar, _) = await SeedAsync(host);
        await host.Get<ActivityBulkWriter>().WriteAsync(
            [.. Enumerable.Range(0, 30).Select(d => An.Activity(person, webinar).At(T0.AddDays(d)).Primary($"day{d}").Build())], Ct);
        var timeline = host.Get<TimelineService>();

        var jumped = await timeline.OlderAsync(person, TimelineFilter.None, TimelineCursor.Before(T0.AddDays(10)), 5, Ct);
        Assert.Equal(["day9", "day8", "day7", "day6", "day5"], jumped.Entries.Select(e => e.PrimaryValue));
        Assert.NotNull(jumped.Newer);

        var newer = await timeline.NewerAsync(person, TimelineFilter.None, jumped.Newer!, 5, Ct);
        Assert.Equal(["day14", "day13", "day12", "day11", "day10"], newer.Entries.Select(e => e.PrimaryValue));
        Assert.NotNull(newer.Newer);

        var newest = await timeline.NewerAsync(person, TimelineFilter.None, TimelineCursor.Of(
            (await timeline.OlderAsync(person, TimelineFilter.None, TimelineCursor.Before(T0.AddDays(27)), 1, Ct)).Entries[0]), 5, Ct);
        Assert.Equal(["day29", "day28", "day27"], newest.Entries.Select(e => e.PrimaryValue));
        Assert.Null(newest.Newer);
    }

    [Fact]
    public async Task Filters_include_or_exclude_types_limit_dates_and_search_primary_values_literally()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var (person, _, webinar, deposit) = await SeedAsync(host);
        await host.Get<ActivityBulkWriter>().WriteAsync(
        [
            An.Activity(person, webinar).At(T0).Primary("Intro to APIs").Build(),
            An.Activity(person, deposit).At(T0.AddDays(1)).Primary("100% cheque").Build(),
            An.Activity(person, webinar).At(T0.AddDays(2)).Primary("Advanced APIs").Build(),
            An.Activity(person, deposit).At(T0.AddDays(3)).Primary("Cash_deposit").Build(),
            An.Activity(person, webinar).At(T0.AddDays(4)).Primary("Scaling").Build(),
        ], Ct);
        var timeline = host.Get<TimelineService>();
        async Task<string[]> Primaries(TimelineFilter filter) =>
            [.. (await timeline.OlderAsync(person, filter, null, 50, Ct)).Entries.Select(e => e.PrimaryValue ?? "")];

        Assert.Equal(["Cash_deposit", "100% cheque"], await Primaries(new TimelineFilter(IncludeTypes: [deposit])));
        Assert.Equal(["Scaling", "Advanced APIs", "Intro to APIs"], await Primaries(new TimelineFilter(ExcludeTypes: [deposit])));
        Assert.Equal(["Cash_deposit", "Advanced APIs", "100% cheque"], await Primaries(new TimelineFilter(From: T0.AddDays(1), To: T0.AddDays(4))));
        Assert.Equal(["Advanced APIs", "Intro to APIs"], await Primaries(new TimelineFilter(Text: "apis")));
        Assert.Equal(["100% cheque"], await Primaries(new TimelineFilter(Text: "0%")));
        Assert.Equal(["Cash_deposit"], await Primaries(new TimelineFilter(Text: "h_d")));
        Assert.Equal(["Advanced APIs"], await Primaries(new TimelineFilter(IncludeTypes: [webinar], From: T0.AddDays(1), Text: "API")));
    }

    [Fact]
    public async Task Entries_show_the_labels_of_the_version_they_were_recorded_with_and_values_per_data_type()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        await using var context = host.NewContext();
        var person = A.Person.Build();
        var type = A.ActivityType.Named("purchase", "Purchase")
            .WithPrimary("product", FieldDataType.String, "Product")
            .WithField("amount", FieldDataType.Currency, "Amount")
            .WithField("receipt", FieldDataType.Link, "Receipt")
            .Build();
        context.AddRange(person, type);
        await context.SaveChangesAsync(Ct);
        var writer = host.Get<ActivityBulkWriter>();
        await writer.WriteAsync([An.Activity(person.Id, type.Id).Version(1).At(T0).Primary("Old").With("amount", 1234.5).With("receipt", "javascript:alert(1)").Build()], Ct);

        // The type is edited and v2 approved: the product field is now labelled "Item".
        type.WithApprovedVersion(("product", "Item"), ("amount", "Total"));
        await context.SaveChangesAsync(Ct);
        await writer.WriteAsync([An.Activity(person.Id, type.Id).Version(2).At(T0.AddHours(1)).Primary("New").With("amount", 9).With("receipt", "https://example.com/r/1").Build()], Ct);

        var entries = (await host.Get<TimelineService>().OlderAsync(person.Id, TimelineFilter.None, null, 50, Ct)).Entries;

        Assert.Equal([2, 1], entries.Select(e => e.Type.Number));
        Assert.Equal(["Item", "Total", "Receipt"], entries[0].Fields.Select(f => f.Label));
        Assert.Equal(["Product", "Amount", "Receipt"], entries[1].Fields.Select(f => f.Label));
        var culture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        Assert.Equal("1,234.50", FieldFormatter.Format(entries[1].Fields[1], culture, TimeZoneInfo.Utc, new BooleanWords("yes", "no")));
        Assert.Null(FieldFormatter.SafeLink(entries[1].Fields[2].Value));
        Assert.Equal("https://example.com/r/1", FieldFormatter.SafeLink(entries[0].Fields[2].Value)!.ToString());
        Assert.Equal(["amount", "receipt"], await host.Get<TimelineService>().SecondaryFieldNamesAsync(person.Id, TimelineFilter.None, Ct));
        Assert.Empty(await host.Get<TimelineService>().SecondaryFieldNamesAsync(person.Id, new TimelineFilter(Text: "nothing like this"), Ct));
    }

    [Fact]
    public async Task Entries_are_named_by_todays_name_with_their_versions_label_beside_it_when_the_type_was_renamed_since()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var person = A.Person.Build();
        await using (var context = host.NewContext())
        {
            context.Add(person);
            await context.SaveChangesAsync(Ct);
        }
        var types = host.Get<ActivityTypeService>();
        await types.ApprovedAsync(Define.ActivityType.Named("Cheque deposited").Build());
        var typeId = (await types.GetAsync("chequeDeposited", Ct))!.Id;
        var writer = host.Get<ActivityBulkWriter>();
        var timeline = host.Get<TimelineService>();
        await writer.WriteAsync([An.Activity(person.Id, typeId).Version(1).At(T0).Build()], Ct);
        Assert.Equal(["Cheque deposited"], (await timeline.OlderAsync(person.Id, TimelineFilter.None, null, 50, Ct)).Entries.Select(e => e.TypeLabel));

        // Renamed through the service: the approval's event tells the timeline today's name changed.
        var detail = (await types.GetAsync("chequeDeposited", Ct))!;
        await types.UpdateDraftAsync(Actors.Marketer, "chequeDeposited",
            Define.ActivityType.From(detail.Live!.ToDefinition(detail.ApiName)).WithDisplayName("Cheque cashed").Build(), detail.ConcurrencyStamp, Ct);
        await types.ApproveAsync(Actors.Admin, "chequeDeposited", cancellationToken: Ct);
        await writer.WriteAsync([An.Activity(person.Id, typeId).Version(2).At(T0.AddHours(1)).Build()], Ct);

        var entries = (await timeline.OlderAsync(person.Id, TimelineFilter.None, null, 50, Ct)).Entries;
        Assert.Equal(["Cheque cashed", "Cheque cashed (v1: Cheque deposited)"], entries.Select(e => e.TypeLabel));
    }

    [Fact]
    public async Task The_histogram_counts_per_day_week_or_month_of_the_viewers_calendar_with_empty_buckets()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var (person, _, webinar, _) = await SeedAsync(host);
        var monday = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        await host.Get<ActivityBulkWriter>().WriteAsync(
        [
            An.Activity(person, webinar).At(monday.AddHours(1)).Build(),
            An.Activity(person, webinar).At(monday.AddHours(23.5)).Build(),  // Tuesday 01:30 at UTC+2
            An.Activity(person, webinar).At(monday.AddDays(9)).Build(),
            An.Activity(person, webinar).At(monday.AddDays(40)).Build(),
        ], Ct);
        var timeline = host.Get<TimelineService>();

        var days = await timeline.HistogramAsync(person, TimeSpan.FromHours(2), cancellationToken: Ct);
        Assert.Equal(HistogramGranularity.Day, days.Granularity);
        Assert.Equal(41, days.Buckets.Count);
        Assert.Equal(new HistogramBucket(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3), 1), days.Buckets[0]);
        Assert.Equal(1, days.Buckets[1].Count);
        Assert.Equal(4, days.Total);
        Assert.Equal(4, days.Buckets.Sum(b => b.Count));

        var weeks = await timeline.HistogramAsync(person, TimeSpan.Zero, HistogramGranularity.Week, Ct);
        Assert.Equal([2, 1, 0, 0, 0, 1], weeks.Buckets.Select(b => b.Count));
        Assert.All(weeks.Buckets, b => Assert.Equal(DayOfWeek.Monday, b.Start.DayOfWeek));

        var months = await timeline.HistogramAsync(person, TimeSpan.Zero, HistogramGranularity.Month, Ct);
        Assert.Equal([(new DateOnly(2026, 3, 1), 3), (new DateOnly(2026, 4, 1), 1)], months.Buckets.Select(b => (b.Start, b.Count)));
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Timeline_pages_and_the_histogram_seek_the_timeline_index_without_a_temporary_b_tree()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var timeline = host.Get<TimelineService>();

        var first = string.Join("\n", await timeline.ExplainPageAsync(1, TimelineFilter.None, null, 50, Ct));
        var deep = string.Join("\n", await timeline.ExplainPageAsync(1, new TimelineFilter(IncludeTypes: [1, 2], Text: "x"), new TimelineCursor(1, 1), 50, Ct));
        var histogram = string.Join("\n", await timeline.ExplainHistogramAsync(1, Ct));
        var oneType = string.Join("\n", await timeline.ExplainPageAsync(1, new TimelineFilter(IncludeTypes: [3]), new TimelineCursor(1, 1), 50, Ct));

        Assert.True(first.Contains("USING INDEX IX_Activities_Person_Timeline (PersonId=?)"), first + "\n" + deep + "\n" + histogram);
        // SQLite shows the row-value seek (OccurredAt, Id) < (?, ?) as its leading term.
        Assert.True(deep.Contains("USING INDEX IX_Activities_Person_Timeline (PersonId=? AND OccurredAt<?)"), deep);
        Assert.Contains("USING COVERING INDEX IX_Activities_Person_Timeline", histogram);
        Assert.True(oneType.Contains("USING INDEX IX_Activities_Person_Type_Timeline (PersonId=? AND ActivityTypeId=? AND OccurredAt<?)"), oneType);
        Assert.DoesNotContain("TEMP B-TREE", first + deep + histogram + oneType);
    }

    [Fact]
    public async Task A_watcher_counts_new_activities_of_its_person_only_until_reset_or_disposed()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var (person, other, webinar, _) = await SeedAsync(host);
        var writer = host.Get<ActivityBulkWriter>();
        var notified = new List<int>();
        var watcher = new PersonActivityWatcher(host.Get<ActivityFeed>(), person);
        watcher.Changed += notified.Add;

        await writer.WriteAsync([An.Activity(person, webinar).Build(), An.Activity(other, webinar).Build(), An.Activity(person, webinar).Build()], Ct);
        await writer.WriteAsync([An.Activity(other, webinar).Build()], Ct);
        await writer.WriteAsync([An.Activity(person, webinar).Build()], Ct);
        Assert.Equal([2, 3], notified);
        Assert.Equal(3, watcher.Pending);

        watcher.Reset();
        watcher.Dispose();
        await writer.WriteAsync([An.Activity(person, webinar).Build()], Ct);
        Assert.Equal(0, watcher.Pending);
        Assert.Equal([2, 3], notified);
    }

    [Fact]
    public async Task Type_filter_labels_tell_apart_types_that_share_a_display_name()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        await SeedAsync(host);
        await using (var context = host.NewContext())
        {
            context.Add(A.ActivityType.Named("chequeDepositedAgain", "Cheque deposited").Build());
            await context.SaveChangesAsync(Ct);
        }

        var labels = (await host.Get<TimelineService>().LiveTypesAsync(Ct)).Select(t => t.DisplayName).ToList();

        Assert.Contains("Cheque deposited (chequeDeposited)", labels);
        Assert.Contains("Cheque deposited (chequeDepositedAgain)", labels);
        Assert.DoesNotContain("Cheque deposited", labels);
        Assert.Equal(labels.Order(StringComparer.CurrentCultureIgnoreCase), labels);
    }

    private static async Task<(int Person, int Other, int Webinar, int Deposit)> SeedAsync(CoreTestHost host)
    {
        await using var context = host.NewContext();
        var person = A.Person.Build();
        var other = A.Person.Build();
        var webinar = A.ActivityType.Build();
        var deposit = A.ActivityType.Named("chequeDeposited", "Cheque deposited").WithPrimary("memo").Build();
        context.AddRange(person, other, webinar, deposit);
        await context.SaveChangesAsync(Ct);
        return (person.Id, other.Id, webinar.Id, deposit.Id);
    }
}
