using System.Globalization;
using CustomActivities.Core.Activities;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.People;
using CustomActivities.Web.Components.Shared;
using static CustomActivities.Web.Components.Shared.CsvText;

namespace CustomActivities.Web.Components.Pages.People;

/// <summary>
/// GET /people/{id}/timeline.csv?types=&amp;exclude=&amp;from=&amp;to=&amp;q=&amp;tz=Europe/Paris: the filtered timeline, newest
/// first, written row by row as it is read (keyset chunks; nothing buffers the whole result). Signed-in users only.
/// After the fixed columns comes one column per secondary field (named by its API name) of the type versions in the
/// export, each value in the invariant form of <see cref="FieldFormatter.Invariant"/>; a field an activity's version
/// does not have is an empty cell.
/// </summary>
public static class TimelineCsvEndpoint
{
    private static readonly string[] FixedColumns = ["occurredAtUtc", "occurredAtLocal", "activityType", "typeVersion", "primaryField", "primaryValue", "activityId"];

    public static IEndpointRouteBuilder MapTimelineCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/people/{id:int}/timeline.csv", WriteAsync).RequireAuthorization();
        return app;
    }

    public static string Url(int personId, TimelineUrl filters, TimeZoneInfo zone)
    {
        var query = filters.ToQuery();
        query.Remove("at");
        query["tz"] = zone.Id;
        var pairs = query.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.ToString()!)}");
        return $"people/{personId}/timeline.csv?{string.Join('&', pairs)}";
    }

    private static async Task WriteAsync(int id, HttpContext http, PeopleService people, TimelineService timeline,
        string? types, string? exclude, string? from, string? to, string? q, string? tz)
    {
        var cancellationToken = http.RequestAborted;
        var person = await people.FindAsync(id, cancellationToken);
        if (person is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var zone = CsvDownload.ZoneOf(tz);
        var filter = TimelineUrl.Parse(types, exclude, from, to, q, null).ToFilter(zone);
        var fields = await timeline.SecondaryFieldNamesAsync(id, filter, cancellationToken);

        await using var download = await CsvDownload.StartAsync(http.Response, $"person-{id}-timeline.csv", FixedColumns.Concat(fields), cancellationToken);
        var csv = download.Csv;
        await foreach (var entry in timeline.StreamAsync(id, filter, cancellationToken))
        {
            var primary = entry.Fields.FirstOrDefault(f => f.IsPrimary);
            csv.WriteField(entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            csv.WriteField(ActivityDates.InZone(entry.OccurredAt, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            csv.WriteField(AsText(entry.Type.DisplayName));
            csv.WriteField(entry.Type.Number);
            csv.WriteField(AsText(primary?.Label));
            csv.WriteField(AsText(entry.PrimaryValue));
            csv.WriteField(entry.Id);
            foreach (var name in fields)
            {
                csv.WriteField(entry.Fields.FirstOrDefault(f => !f.IsPrimary && f.ApiName == name) is { } field ? Cell(field) : null);
            }
            await download.EndRowAsync();
        }
    }

    /// <summary>A field's invariant value; a number read as such is safe as it is, anything else is text.</summary>
    private static string? Cell(TimelineField field) =>
        FieldFormatter.Invariant(field) is { } value && field.DataType is FieldDataType.Integer or FieldDataType.Float or FieldDataType.Currency
            && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? value
            : AsText(FieldFormatter.Invariant(field));
}
