using CustomActivities.Core.Activities;

namespace CustomActivities.Core.SmartLists;

/// <summary>
/// The instant and time zone a smart list is evaluated in: "today", "on 2026-03-01" and "in the past 7 days" mean the
/// marketer's days, turned into UTC bounds before they reach SQL.
/// </summary>
public sealed record SmartListClock(DateTimeOffset Now, TimeZoneInfo Zone)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Zone).DateTime);

    /// <summary>The UTC instant the day starts in the zone.</summary>
    public DateTimeOffset StartOf(DateOnly day) => ActivityDates.StartOfDay(day, Zone);

    public DateTimeOffset Ago(int amount, WindowUnit unit)
    {
        var local = TimeZoneInfo.ConvertTime(Now, Zone);
        var start = unit switch
        {
            WindowUnit.Weeks => local.AddDays(-7.0 * amount),
            WindowUnit.Months => local.AddMonths(-amount),
            _ => local.AddDays(-amount),
        };
        return start.ToUniversalTime();
    }
}
