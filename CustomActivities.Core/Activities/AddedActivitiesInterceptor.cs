using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomActivities.Core.Activities;

/// <summary>
/// Gives the activities a context saves (New Lead, Change Data Value, Add/Remove from List) the same side effects as
/// <see cref="ActivityBulkWriter"/>: their people's LastActivityAt moves forward in the same transaction, and
/// <see cref="ActivityFeed"/> hears of them once committed, so an open timeline shows them without a reload.
/// A save outside a transaction gets one of its own, so the people are touched only when the activities are stored.
/// </summary>
public sealed class AddedActivitiesInterceptor(ActivityFeed feed, ILastActivityTouch touch) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public Dictionary<int, long> LatestByPerson { get; } = [];
        public Dictionary<int, int> CountByPerson { get; } = [];
        public IDbContextTransaction? OwnTransaction { get; set; }
        public bool Saved { get; set; }
    }

    private static readonly ConditionalWeakTable<DbContext, Pending> PendingByContext = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Collect(eventData.Context) is { } pending && eventData.Context!.Database.CurrentTransaction is null)
        {
            pending.OwnTransaction = eventData.Context.Database.BeginTransaction();
        }
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Collect(eventData.Context) is { } pending && eventData.Context!.Database.CurrentTransaction is null)
        {
            pending.OwnTransaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && PendingByContext.TryGetValue(context, out var pending) && !pending.Saved)
        {
            pending.Saved = true;
            context.Database.ExecuteSqlRaw(touch.Sql, LatestPairs(pending.LatestByPerson));
            // Touched for good within the transaction: a later save in it touches only its own people.
            pending.LatestByPerson.Clear();
            if (pending.OwnTransaction is { } own)
            {
                own.Commit();
                own.Dispose();
            }
        }
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && PendingByContext.TryGetValue(context, out var pending) && !pending.Saved)
        {
            pending.Saved = true;
            // After the inserts, so a save that fails (and rolls back to its savepoint) never touched the people.
            await context.Database.ExecuteSqlRawAsync(touch.Sql, [LatestPairs(pending.LatestByPerson)], cancellationToken);
            pending.LatestByPerson.Clear();
            if (pending.OwnTransaction is { } own)
            {
                await own.CommitAsync(cancellationToken);
                await own.DisposeAsync();
            }
        }
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The people and dates of the added activities, added to what this context already waits to publish.</summary>
    private static Pending? Collect(DbContext? context)
    {
        if (context is null)
        {
            return null;
        }
        var added = context.ChangeTracker.Entries<Activity>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return null;
        }
        var pending = PendingByContext.GetOrCreateValue(context);
        pending.Saved = false;
        foreach (var activity in added)
        {
            var occurredAt = activity.OccurredAt.UtcTicks;
            pending.CountByPerson[activity.PersonId] = pending.CountByPerson.GetValueOrDefault(activity.PersonId) + 1;
            if (!pending.LatestByPerson.TryGetValue(activity.PersonId, out var latest) || occurredAt > latest)
            {
                pending.LatestByPerson[activity.PersonId] = occurredAt;
            }
        }
        return pending;
    }

    private static void Drop(DbContext? context)
    {
        if (context is not null && PendingByContext.TryGetValue(context, out var pending))
        {
            PendingByContext.Remove(context);
            pending.OwnTransaction?.Dispose();
        }
    }

    /// <summary>Once committed: tells the feed, outside any failure path (the activities are stored whatever subscribers do).</summary>
    private void Publish(DbContext? context)
    {
        if (context is null || !PendingByContext.TryGetValue(context, out var pending) || !pending.Saved)
        {
            return;
        }
        PendingByContext.Remove(context);
        feed.Publish(new ActivitiesAdded(pending.CountByPerson));
    }

    private static string LatestPairs(Dictionary<int, long> latestByPerson)
    {
        var text = new StringBuilder("[");
        foreach (var (personId, latest) in latestByPerson)
        {
            text.Append(text.Length > 1 ? "," : "").Append('[').Append(personId).Append(',').Append(latest).Append(']');
        }
        return text.Append(']').ToString();
    }
}
