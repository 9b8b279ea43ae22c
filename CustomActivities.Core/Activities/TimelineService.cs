using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Activities;

/// <summary>
/// Reads one person's activities newest first. Every page is a keyset seek on IX_Activities_Person_Timeline
/// (PersonId, OccurredAt, Id): <c>(OccurredAt, Id) &lt; (cursor)</c> ORDER BY OccurredAt DESC, Id DESC LIMIT n, so page
/// 1,000 costs what page 1 costs and no temporary B-tree sorts anything. Never OFFSET.
/// </summary>
public sealed class TimelineService(IDbContextFactory<AppDbContext> contextFactory, TypeVersionCatalog catalog, SqlDialect dialect)
{
    private readonly TimelineSql sql = new(dialect);

    public const int MaxPageSize = 500;

    /// <summary>Entries strictly older than <paramref name="before"/> (or the newest, without it).</summary>
    public async Task<TimelinePage> OlderAsync(int personId, TimelineFilter filter, TimelineCursor? before, int take = 50, CancellationToken cancellationToken = default)
    {
        take = Math.Clamp(take, 1, MaxPageSize);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await ReadAsync(context, sql.Page(personId, filter, before, newer: false, take + 1), cancellationToken);
        var hasOlder = rows.Count > take;
        if (hasOlder)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        var entries = await LabelAsync(context, rows, cancellationToken);
        var hasNewer = before is not null && entries.Count > 0
            ? await ExistsAsync(context, sql.Page(personId, filter, TimelineCursor.Of(entries[0]), newer: true, 1), cancellationToken)
            : before is not null;
        return new TimelinePage(entries,
            hasOlder ? TimelineCursor.Of(entries[^1]) : null,
            hasNewer ? (entries.Count > 0 ? TimelineCursor.Of(entries[0]) : before) : null);
    }

    /// <summary>The page of entries just newer than <paramref name="after"/>, still shown newest first.</summary>
    public async Task<TimelinePage> NewerAsync(int personId, TimelineFilter filter, TimelineCursor after, int take = 50, CancellationToken cancellationToken = default)
    {
        take = Math.Clamp(take, 1, MaxPageSize);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await ReadAsync(context, sql.Page(personId, filter, after, newer: true, take + 1), cancellationToken);
        var hasNewer = rows.Count > take;
        if (hasNewer)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        rows.Reverse();
        var entries = await LabelAsync(context, rows, cancellationToken);
        return new TimelinePage(entries,
            entries.Count > 0 ? TimelineCursor.Of(entries[^1]) : after,
            hasNewer ? TimelineCursor.Of(entries[0]) : null);
    }

    /// <summary>Every entry that matches, newest first, read in keyset chunks (short read transactions, no buffering).</summary>
    public async IAsyncEnumerable<TimelineEntry> StreamAsync(int personId, TimelineFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TimelineCursor? before = null;
        do
        {
            var page = await OlderAsync(personId, filter, before, MaxPageSize, cancellationToken);
            foreach (var entry in page.Entries)
            {
                yield return entry;
            }
            before = page.Older;
        }
        while (before is not null);
    }

    /// <summary>
    /// Activities per day, week (Monday first) or month of the viewer's calendar over the person's whole history, with
    /// empty buckets filled in. Days are counted in SQL over the covering timeline index (see <see cref="TimelineSql.Histogram"/>);
    /// weeks and months are summed from the days.
    /// Without a granularity the span decides: up to 92 days by day, up to two years by week, then by month.
    /// </summary>
    public async Task<TimelineHistogram> HistogramAsync(int personId, TimeSpan utcOffset, HistogramGranularity? granularity = null, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var days = new List<(DateOnly Day, int Count)>();
        int outside;
        await using (var connection = await OpenAsync(context, cancellationToken))
        {
            await using (var db = Prepare(context, sql.Histogram(personId, utcOffset)))
            await using (var reader = await db.ExecuteReaderAsync(cancellationToken))
            {
                while (reader.Read())
                {
                    days.Add((DateOnly.FromDayNumber((int)reader.GetInt64(0)), (int)reader.GetInt64(1)));
                }
            }
            // The same lease: a second open would be a second unpooled connection per person page view.
            await using var scalar = Prepare(context, sql.OutsideShowableRange(personId));
            outside = Convert.ToInt32(await scalar.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (days.Count == 0)
        {
            return new TimelineHistogram(granularity ?? HistogramGranularity.Day, [], 0, outside);
        }
        var first = days[0].Day;
        var last = days[^1].Day;
        var chosen = granularity ?? (last.DayNumber - first.DayNumber) switch
        {
            <= 92 => HistogramGranularity.Day,
            <= 731 => HistogramGranularity.Week,
            _ => HistogramGranularity.Month,
        };
        var buckets = new List<HistogramBucket>();
        var index = 0;
        for (var start = BucketStart(first, chosen); start <= last; start = Next(start, chosen))
        {
            var end = Next(start, chosen);
            var count = 0;
            while (index < days.Count && days[index].Day < end)
            {
                count += days[index++].Count;
            }
            buckets.Add(new HistogramBucket(start, end, count));
        }
        return new TimelineHistogram(chosen, buckets, days.Sum(d => d.Count), outside);
    }

    /// <summary>The query plan of a timeline page (for the benchmark and the tests).</summary>
    public async Task<IReadOnlyList<string>> ExplainPageAsync(int personId, TimelineFilter filter, TimelineCursor? before, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ExplainAsync(context, sql.Page(personId, filter, before, newer: false, take), cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ExplainHistogramAsync(int personId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ExplainAsync(context, sql.Histogram(personId, TimeSpan.Zero), cancellationToken);
    }

    /// <summary>
    /// The API names of the secondary fields of the versions the matching activities were recorded with, in type,
    /// version and field order, each once: the CSV export's value columns.
    /// </summary>
    public async Task<IReadOnlyList<string>> SecondaryFieldNamesAsync(int personId, TimelineFilter filter, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var keys = new List<(int TypeId, int Number)>();
        await using (await OpenAsync(context, cancellationToken))
        {
            await using var command = Prepare(context, sql.Versions(personId, filter));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add((reader.GetInt32(0), reader.GetInt32(1)));
            }
        }
        var labels = await catalog.GetAsync(context, keys, cancellationToken);
        return [.. keys.Order()
            .SelectMany(key => labels.TryGetValue(key, out var version) ? version.Fields.Where(f => !f.IsPrimary) : [])
            .Select(f => f.ApiName)
            .Distinct(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<(int Id, string DisplayName)>> LiveTypesAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await TypeVersionCatalog.LiveTypesAsync(context, cancellationToken);
    }

    private static DateOnly BucketStart(DateOnly day, HistogramGranularity granularity) => granularity switch
    {
        HistogramGranularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        HistogramGranularity.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private static DateOnly Next(DateOnly start, HistogramGranularity granularity) => granularity switch
    {
        HistogramGranularity.Week => start.AddDays(7),
        HistogramGranularity.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };

    private sealed record Row(long Id, int TypeId, int Version, long OccurredAt, string? Primary, string? Attributes);

    private static async Task<ConnectionLease> OpenAsync(AppDbContext context, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        return new ConnectionLease(context);
    }

    private sealed class ConnectionLease(AppDbContext context) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(context.Database.CloseConnectionAsync());
    }

    private static DbCommand Prepare(AppDbContext context, TimelineCommand command)
    {
        var db = context.Database.GetDbConnection().CreateCommand();
        db.CommandText = command.Text;
        foreach (var (name, value) in command.Parameters)
        {
            db.AddParameter(name, value);
        }
        return db;
    }

    private static async Task<List<Row>> ReadAsync(AppDbContext context, TimelineCommand sql, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        await using var connection = await OpenAsync(context, cancellationToken);
        await using var command = Prepare(context, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return rows;
    }

    private static async Task<bool> ExistsAsync(AppDbContext context, TimelineCommand sql, CancellationToken cancellationToken) =>
        (await ReadAsync(context, sql, cancellationToken)).Count > 0;

    private async Task<IReadOnlyList<string>> ExplainAsync(AppDbContext context, TimelineCommand command, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(context, cancellationToken);
        await using var db = Prepare(context, command);
        return await dialect.ExplainAsync(db, cancellationToken);
    }

    private async Task<List<TimelineEntry>> LabelAsync(AppDbContext context, List<Row> rows, CancellationToken cancellationToken)
    {
        var labels = await catalog.GetAsync(context, rows.Select(r => (r.TypeId, r.Version)), cancellationToken);
        var names = await catalog.CurrentNamesAsync(context, rows.Select(r => r.TypeId), cancellationToken);
        return [.. rows.Select(r => ToEntry(r, labels[(r.TypeId, r.Version)], names))];
    }

    private static TimelineEntry ToEntry(Row row, TypeVersionLabels type, IReadOnlyDictionary<int, string> currentNames)
    {
        var values = ParseAttributes(row.Attributes);
        var fields = new List<TimelineField>(type.Fields.Count + 1);
        foreach (var field in type.Fields)
        {
            var value = field.IsPrimary ? row.Primary : values.GetValueOrDefault(field.ApiName);
            values.Remove(field.ApiName);
            fields.Add(new TimelineField(field.ApiName, field.Label, field.DataType, field.IsPrimary, value));
        }
        if (type.Primary is null)
        {
            fields.Insert(0, new TimelineField("primary", "primary", ActivityTypes.FieldDataType.String, true, row.Primary));
        }
        // Values the version does not define (should not happen) are still shown, under their API name.
        fields.AddRange(values.Select(v => new TimelineField(v.Key, v.Key, ActivityTypes.FieldDataType.String, false, v.Value)));
        var label = ActivityTypeLabel.For(currentNames.GetValueOrDefault(type.ActivityTypeId, type.DisplayName), type.Number, type.DisplayName);
        return new TimelineEntry(row.Id, ActivityDates.FromStoredTicks(row.OccurredAt), type, label, row.Primary, fields) { StoredTicks = row.OccurredAt };
    }

    private static Dictionary<string, string?> ParseAttributes(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return values;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return values;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            values["attributes"] = json;
        }
        return values;
    }
}
