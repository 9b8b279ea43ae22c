using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Unit.Activities;

/// <summary>The accepted date ranges, and pages over dates stored outside them (0001-01-01, 9999-12-31, any tick count).</summary>
public sealed class ActivityDateRangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ActivityField Field(FieldDataType type) => new() { ApiName = "f", DisplayName = "F", DataType = type };

    [Theory]
    [InlineData(FieldDataType.Date, "1900-01-01", true)]
    [InlineData(FieldDataType.Date, "2099-12-31", true)]
    [InlineData(FieldDataType.Date, "1899-12-31", false)]
    [InlineData(FieldDataType.Date, "2100-01-01", false)]
    [InlineData(FieldDataType.Date, "0001-01-01", false)]
    [InlineData(FieldDataType.Date, "9999-12-31", false)]
    [InlineData(FieldDataType.DateTime, "1900-01-01T00:00:00Z", true)]
    [InlineData(FieldDataType.DateTime, "2099-12-31T23:59:59Z", true)]
    [InlineData(FieldDataType.DateTime, "1899-12-31T23:59:59Z", false)]
    [InlineData(FieldDataType.DateTime, "2100-01-01T00:00:00Z", false)]
    [InlineData(FieldDataType.DateTime, "9999-12-31T23:59:59Z", false)]
    [InlineData(FieldDataType.DateTime, "0001-01-01T00:00:00Z", false)]
    public void Date_and_datetime_values_are_accepted_from_1900_to_2099(FieldDataType type, string text, bool accepted)
    {
        var reason = FieldValueParser.TryParse(Field(type), ApiValue.String(text), out _);

        if (accepted)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.Equal(RecordCodes.InvalidData, reason!.Code);
            Assert.Contains("outside the accepted range 1900-01-01T00:00:00Z to 2099-12-31T23:59:59Z", reason.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1970-01-01T00:00:00Z", true)]
    [InlineData("2099-12-31T23:59:59Z", true)]
    [InlineData("1969-12-31T23:59:59Z", false)]
    [InlineData("2100-01-01T00:00:00Z", false)]
    [InlineData("9999-12-31T23:59:59Z", false)]
    [InlineData("0001-01-01T00:00:00Z", false)]
    public async Task An_activity_date_is_accepted_from_1970_to_2099(string date, bool accepted)
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var (person, type) = await SeedAsync(host);
        var input = new ActivityInput
        {
            LeadId = ApiValue.Number(person.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ActivityDate = ApiValue.String(date),
            ActivityTypeId = ApiValue.Number(type.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            PrimaryAttributeValue = ApiValue.String("x"),
        };

        var answer = await host.Get<ActivityIngestion>().IngestAsync(1, [input], dryRun: true, null, null, Ct);

        Assert.Contains(accepted ? "\"added\"" : "\"code\":\"1003\"", answer.ResultJson, StringComparison.Ordinal);
        if (!accepted)
        {
            Assert.Contains("outside the accepted range 1970-01-01T00:00:00Z to 2099-12-31T23:59:59Z", answer.ResultJson, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task A_timeline_with_stored_dates_at_the_ends_of_time_pages_flags_them_and_its_histogram_leaves_them_out()
    {
        await using var host = await new CoreTestHostBuilder().BuildAsync();
        var (person, type) = await SeedAsync(host);
        var normal = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        await host.Get<ActivityBulkWriter>().WriteAsync([An.Activity(person, type).At(normal).Primary("normal").Build()], Ct);
        foreach (var (ticks, name) in new[] { (RawActivityRows.EndOfTime, "end"), (RawActivityRows.StartOfTime, "start"), (-5L, "negative"), (long.MaxValue, "huge") })
        {
            await RawActivityRows.InsertAsync(host.DatabasePath, person, type, ticks, name);
        }
        var timeline = host.Get<TimelineService>();

        var entries = new List<TimelineEntry>();
        TimelineCursor? cursor = null;
        do
        {
            var page = await timeline.OlderAsync(person, TimelineFilter.None, cursor, 2, Ct);
            entries.AddRange(page.Entries);
            cursor = page.Older;
        }
        while (cursor is not null && entries.Count < 10);

        Assert.Equal(["huge", "end", "normal", "start", "negative"], entries.Select(e => e.PrimaryValue));
        Assert.Equal([false, false, true, false, false], entries.Select(e => e.IsDateShowable));
        Assert.Equal(5, await timeline.StreamAsync(person, TimelineFilter.None, Ct).CountAsync(Ct));
        foreach (var offset in new[] { TimeSpan.FromHours(14), TimeSpan.Zero, TimeSpan.FromHours(-12) })
        {
            var histogram = await timeline.HistogramAsync(person, offset, cancellationToken: Ct);
            Assert.Equal(1, histogram.Total);
            Assert.Equal(4, histogram.OutsideRange);
            Assert.Single(histogram.Buckets);
        }
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus14", TimeSpan.FromHours(14), "plus14", "plus14");
        Assert.Equal(entries[1].OccurredAt, ActivityDates.InZone(entries[1].OccurredAt, zone));
    }

    private static async Task<(int Person, int Type)> SeedAsync(CoreTestHost host)
    {
        await using var context = host.NewContext();
        var person = A.Person.Build();
        var type = A.ActivityType.Build();
        context.AddRange(person, type);
        await context.SaveChangesAsync(Ct);
        return (person.Id, type.Id);
    }
}
