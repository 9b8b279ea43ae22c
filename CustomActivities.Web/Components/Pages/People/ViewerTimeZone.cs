using Microsoft.JSInterop;

namespace CustomActivities.Web.Components.Pages.People;

/// <summary>The browser's time zone for this circuit, asked once through JS (UTC until known).</summary>
public sealed class ViewerTimeZone
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public bool IsKnown { get; private set; }

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
