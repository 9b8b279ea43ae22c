using CustomActivities.Core.Activities;
using CustomActivities.Core.Auditing;
using MudBlazor;

namespace CustomActivities.Web.Components.Pages.AuditLog;

/// <summary>What the audit log is narrowed to; the days are the viewer's days, as the When column shows them.</summary>
public sealed record AuditFilter(string? Action = null, string? EntityType = null, string? Actor = null, DateRange? Days = null)
{
    public AuditQuery ToQuery(TimeZoneInfo zone, int skip, int take) => new(
        EntityType: EntityType,
        Action: Action,
        Actor: Actor,
        From: Days?.Start is { } from ? ActivityDates.StartOfDay(DateOnly.FromDateTime(from), zone) : null,
        To: Days?.End is { } to ? ActivityDates.StartOfDay(DateOnly.FromDateTime(to).AddDays(1), zone) : null,
        Skip: skip,
        Take: take);
}
