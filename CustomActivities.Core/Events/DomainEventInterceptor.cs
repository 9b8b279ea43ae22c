using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomActivities.Core.Events;

/// <summary>
/// Collects the events of the entities a context saves and publishes them once they are committed: after SaveChanges,
/// or, inside an explicit transaction, after it commits. A failed save or a rolled-back transaction drops them.
/// </summary>
public sealed class DomainEventInterceptor(DomainEventDispatcher dispatcher) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, List<DomainEvent>> Pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            // Synchronous saves come from start-up code only; the handlers are in-process and quick.
            PublishAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await PublishAsync(eventData.Context, cancellationToken);
        }
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        PublishAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        PublishAsync(eventData.Context, cancellationToken);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var raised = context.ChangeTracker.Entries()
            .Select(e => e.Entity)
            .OfType<IHasDomainEvents>()
            .SelectMany(e => e.TakeDomainEvents())
            .ToList();
        if (raised.Count > 0)
        {
            Pending.GetOrCreateValue(context).AddRange(raised);
        }
    }

    private static void Drop(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }

    private async Task PublishAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !Pending.TryGetValue(context, out var events))
        {
            return;
        }
        Pending.Remove(context);
        await dispatcher.PublishAsync(events, cancellationToken);
    }
}
