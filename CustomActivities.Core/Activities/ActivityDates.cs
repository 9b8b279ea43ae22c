using System.Globalization;

namespace CustomActivities.Core.Activities;

/// <summary>
/// The dates the product accepts, and how a stored date outside them is read back. An activity happened at some point
/// after 1970-01-01T00:00:00Z and before 2100 (activityDate); a date or datetime field value (a birthday, a contract
/// end) lies between 1900-01-01 and 2099-12-31. Outside those ranges a record is refused with 1003. Dates far outside
/// (0001-01-01, 9999-12-31) cannot be moved into a viewer's time zone or bucketed by day, week or month, which broke
/// the person page; a value already stored (written before the rule, or straight into the file) is shown as it is
/// and flagged, never converted.
/// </summary>
public static class ActivityDates
{
    public static readonly DateTimeOffset EarliestActivity = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LatestActivity = new(2099, 12, 31, 23, 59, 59, TimeSpan.Zero);
    public static readonly DateTimeOffset EarliestValue = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LatestValue = new(2099, 12, 31, 23, 59, 59, TimeSpan.Zero);

    public static bool IsAcceptedActivityDate(DateTimeOffset instant) => IsShowable(instant.UtcTicks);

    public static bool IsAcceptedValue(DateTimeOffset instant) =>
        instant.UtcTicks >= EarliestValue.UtcTicks && instant.UtcTicks < LatestValue.UtcTicks + TimeSpan.TicksPerSecond;

    public static bool IsAcceptedValue(DateOnly date) =>
        date >= DateOnly.FromDateTime(EarliestValue.UtcDateTime) && date <= DateOnly.FromDateTime(LatestValue.UtcDateTime);

    /// <summary>Whether a stored activity's ticks are a date the pages can place in any time zone and calendar.</summary>
    public static bool IsShowable(long utcTicks) =>
        utcTicks >= EarliestActivity.UtcTicks && utcTicks < LatestActivity.UtcTicks + TimeSpan.TicksPerSecond;

    /// <summary>
    /// The instant a day of the viewer's calendar starts, in UTC (a day whose midnight is skipped by DST starts at its first
    /// valid minute). Filters by "from" and "to" days, smart list windows and the audit log's days all start days here.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>A stored tick count as an instant, held within what DateTimeOffset can represent (any long can be in the file).</summary>
    public static DateTimeOffset FromStoredTicks(long utcTicks) =>
        new(Math.Clamp(utcTicks, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);

    /// <summary>The instant in the viewer's zone, or in UTC when that zone's offset would leave the representable range.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone)
    {
        // TimeZoneInfo.ConvertTime silently clamps there (9999-12-31T23:59:59Z at +01:00 reads 23:59:59.9999999).
        var local = instant.UtcTicks + zone.GetUtcOffset(instant.UtcDateTime).Ticks;
        return local < DateTime.MinValue.Ticks || local > DateTime.MaxValue.Ticks
            ? instant.ToUniversalTime()
            : TimeZoneInfo.ConvertTime(instant, zone);
    }

    public static string ActivityRange => Range(EarliestActivity, LatestActivity);
    public static string ValueRange => Range(EarliestValue, LatestValue);

    private static string Range(DateTimeOffset from, DateTimeOffset to) =>
        string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd'T'HH:mm:ss'Z'} to {to:yyyy-MM-dd'T'HH:mm:ss'Z'}");
}
