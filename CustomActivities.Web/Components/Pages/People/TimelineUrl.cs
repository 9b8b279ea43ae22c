using System.Globalization;
using CustomActivities.Core.Activities;

namespace CustomActivities.Web.Components.Pages.People;

/// <summary>
/// The timeline's filters as they appear in the URL (so a view can be shared and reloaded):
/// <c>?types=1,2&amp;exclude=3&amp;from=2026-01-01&amp;to=2026-03-31&amp;q=webinar&amp;at=2026-02-15</c>.
/// Dates are days of the viewer's calendar; <c>to</c> and <c>at</c> include their whole day.
/// </summary>
public sealed record TimelineUrl(IReadOnlyList<int> Types, IReadOnlyList<int> Exclude, DateOnly? From, DateOnly? To, string? Text, DateOnly? At)
{
    public static readonly TimelineUrl Empty = new([], [], null, null, null, null);

    public static TimelineUrl Parse(string? types, string? exclude, string? from, string? to, string? text, string? at) =>
        new(Ids(types), Ids(exclude), Date(from), Date(to), string.IsNullOrWhiteSpace(text) ? null : text.Trim(), Date(at));

    /// <summary>"From" after "To": no activity can match.</summary>
    public bool IsRangeReversed => From > To;

    /// <summary>The filters as they read in the address (pairs in a fixed order), to tell two sets of filters apart.</summary>
    public string Key => string.Join('&', ToQuery().Where(p => p.Value is not null).Select(p => $"{p.Key}={p.Value}"));

    public bool HasFilters => Types.Count > 0 || Exclude.Count > 0 || From is not null || To is not null || Text is not null;

    public TimelineFilter ToFilter(TimeZoneInfo zone) => new(
        Types.Count > 0 ? Types : null,
        Exclude.Count > 0 ? Exclude : null,
        From is { } f ? ActivityDates.StartOfDay(f, zone) : null,
        To is { } t ? ActivityDates.StartOfDay(t.AddDays(1), zone) : null,
        Text);

    /// <summary>Where "jump to a date" starts: just after the last entry of that day.</summary>
    public TimelineCursor? Cursor(TimeZoneInfo zone) => At is { } at ? TimelineCursor.Before(ActivityDates.StartOfDay(at.AddDays(1), zone)) : null;

    public Dictionary<string, object?> ToQuery() => new()
    {
        ["types"] = Types.Count > 0 ? string.Join(',', Types) : null,
        ["exclude"] = Exclude.Count > 0 ? string.Join(',', Exclude) : null,
        ["from"] = Format(From),
        ["to"] = Format(To),
        ["q"] = Text,
        ["at"] = Format(At),
    };

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day of the address; one far outside any activity's range (?to=9999-12-31) is ignored, as it cannot be moved into a time zone.</summary>
    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && ActivityDates.IsAcceptedValue(date) ? date : null;

    private static int[] Ids(string? value) =>
        [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct()];
}
