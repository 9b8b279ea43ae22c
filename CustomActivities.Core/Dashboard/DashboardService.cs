using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Dashboard;

public sealed record DashboardFigures(
    int ApprovedTypes,
    int TypesAwaitingApproval,
    int People,
    long ActivitiesLast7Days,
    IReadOnlyList<RecentChange> RecentChanges);

public sealed record RecentChange(DateTimeOffset OccurredAt, string Actor, string Action, string? EntityName);

/// <summary>The figures on the dashboard. Counts use indexed columns only, so they stay quick on large data.</summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>The figures, with the recent changes the viewer may read (<see cref="AuditVisibility"/>).</summary>
    public async Task<DashboardFigures> GetAsync(Actor viewer, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var weekAgo = timeProvider.GetUtcNow().AddDays(-7);
        var approved = await context.ActivityTypes.CountAsync(t => t.LiveVersionNumber != null && !t.IsArchived, cancellationToken);
        var awaiting = await context.ActivityTypeVersions.CountAsync(v => v.State == VersionState.Draft, cancellationToken);
        var people = await context.People.CountAsync(cancellationToken);
        var recentActivities = await context.Activities.LongCountAsync(a => a.OccurredAt >= weekAgo, cancellationToken);
        var changes = await context.AuditEntries.AsNoTracking().VisibleTo(viewer)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(8)
            .Select(e => new RecentChange(e.OccurredAt, e.Actor, e.Action, e.EntityName))
            .ToListAsync(cancellationToken);
        return new DashboardFigures(approved, awaiting, people, recentActivities, changes);
    }
}
