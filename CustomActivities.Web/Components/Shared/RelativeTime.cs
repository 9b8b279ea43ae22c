using Microsoft.Extensions.Localization;

namespace CustomActivities.Web.Components.Shared;

/// <summary>
/// "3 hours ago" in the reader's language. Humanizer carries only English here (its French satellite package is not in
/// the registry), so the phrases come from the shared resources.
/// </summary>
public static class RelativeTime
{
    public static string Format(IStringLocalizer<SharedResource> text, DateTimeOffset when, DateTimeOffset now)
    {
        var span = now - when;
        var direction = span >= TimeSpan.Zero ? "Past" : "Future";
        var distance = span.Duration();
        if (distance < TimeSpan.FromSeconds(45))
        {
            return text["Relative.Now"];
        }
        var (unit, count) = distance switch
        {
            _ when distance < TimeSpan.FromMinutes(45) => ("Minute", Math.Max(1, (int)Math.Round(distance.TotalMinutes))),
            _ when distance < TimeSpan.FromHours(22) => ("Hour", Math.Max(1, (int)Math.Round(distance.TotalHours))),
            _ when distance < TimeSpan.FromDays(26) => ("Day", Math.Max(1, (int)Math.Round(distance.TotalDays))),
            _ when distance < TimeSpan.FromDays(320) => ("Month", Math.Max(1, (int)Math.Round(distance.TotalDays / 30.44))),
            _ => ("Year", Math.Max(1, (int)Math.Round(distance.TotalDays / 365.25))),
        };
        return count == 1 ? text[$"Relative.{direction}.{unit}"] : text[$"Relative.{direction}.{unit}s", count];
    }
}
