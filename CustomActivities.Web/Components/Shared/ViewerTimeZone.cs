using System.Globalization;
using Microsoft.JSInterop;

namespace CustomActivities.Web.Components.Shared;

/// <summary>
/// The browser's time zone for this circuit: every page shows times in it. app.js keeps it in a cookie that
/// <see cref="Routes"/> reads while prerendering; without the cookie the person page asks through JS (UTC until known).
/// </summary>
public sealed class ViewerTimeZone
{
    /// <summary>Set by app.js on every page, so the next prerender already knows the zone.</summary>
    public const string CookieName = "ca-tz";

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public bool IsKnown { get; private set; }

    /// <summary>Uses a time zone id from the browser's cookie (see <see cref="Routes"/>); false when unknown.</summary>
    public bool TryUse(string? id)
    {
        if (!IsKnown && !string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            Zone = zone;
            IsKnown = true;
        }
        return IsKnown;
    }

    /// <summary>The moment as the viewer's wall clock shows it.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The moment on the viewer's wall clock, in the reader's culture ("g": short date and time).</summary>
    public string Format(DateTimeOffset at, string format = "g") => Local(at).ToString(format, CultureInfo.CurrentCulture);

    public async Task EnsureAsync(IJSRuntime js)
    {
        if (IsKnown)
        {
            return;
        }
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/people.js");
        var name = await module.InvokeAsync<string>("timeZone");
        if (!string.IsNullOrEmpty(name) && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
        {
            Zone = zone;
        }
        else
        {
            var minutes = await module.InvokeAsync<int>("offsetMinutes");
            Zone = TimeZoneInfo.CreateCustomTimeZone($"UTC{minutes:+0;-0}", TimeSpan.FromMinutes(minutes), $"UTC{minutes:+0;-0}", $"UTC{minutes:+0;-0}");
        }
        IsKnown = true;
    }
}
