using System.Runtime.CompilerServices;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomActivities.Core.Activities;

/// <summary>
/// Drops <see cref="ActivityTypeCatalog"/>'s snapshot whenever a context saves a change to a type, a version or a field,
/// whichever service made it (wizard, approvals, API), after the save and again after an explicit transaction commits;
/// through <see cref="IClusterSignals"/>, so every node of the database drops its own (and its type names).
/// </summary>
public sealed class ActivityTypeCacheInvalidator(IClusterSignals signals) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Touched = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        InvalidateIfTouched(eventData.Context, keep: true);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        InvalidateIfTouched(eventData.Context, keep: true);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        InvalidateIfTouched(eventData.Context, keep: false);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        InvalidateIfTouched(eventData.Context, keep: false);
        return Task.CompletedTask;
    }

    private static void Mark(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var touched = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is ActivityType or ActivityTypeVersion or ActivityField);
        if (touched)
        {
            Touched.AddOrUpdate(context, true);
        }
    }

    private void InvalidateIfTouched(DbContext? context, bool keep)
    {
        if (context is null || !Touched.TryGetValue(context, out _))
        {
            return;
        }
        signals.Publish(ActivityTypeCatalog.ChangedSignal, "");
        if (!keep)
        {
            Touched.Remove(context);
        }
    }
}
