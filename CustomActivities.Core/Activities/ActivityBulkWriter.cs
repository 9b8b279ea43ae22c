namespace CustomActivities.Core.Activities;

/// <summary>An activity that passed validation and is ready to be stored.</summary>
public sealed record NewActivity(
    int PersonId,
    int ActivityTypeId,
    int TypeVersionNumber,
    DateTimeOffset OccurredAt,
    string? PrimaryValue,
    string? Attributes);

/// <summary>A row written in the same transaction as a batch (the idempotency record of the call that sent it).</summary>
/// <param name="Response">Builds the stored answer from the new activity ids.</param>
public sealed record IdempotencyRecord(int ApiClientId, string Key, string RequestHash, Func<long[], string> Response);

/// <summary>The idempotency key was stored by a concurrent call with the same key; nothing of this batch was stored.</summary>
public sealed class DuplicateIdempotencyKeyException(string key) : Exception($"Idempotency key '{key}' is already stored.");

/// <summary>
/// A person or type the batch names no longer exists (deleted after validation): the database refused the batch and
/// nothing of it was stored.
/// </summary>
public sealed class MissingActivityReferenceException(Exception inner)
    : Exception("A person or activity type of the batch no longer exists; nothing was stored.", inner);

/// <summary>
/// The write path for activities: each batch in a single transaction, so it is stored whole or not at all, with its
/// people's LastActivityAt moved forward and, when given, the idempotency record of the call. Each database has its
/// own bulk path (the implementations live in the provider folders); the feed hears of a batch only once committed.
/// </summary>
public abstract class ActivityBulkWriter(ActivityFeed feed) : IAsyncDisposable
{
    /// <summary>Stores the batch in one transaction and returns the new ids, in input order.</summary>
    public Task<long[]> WriteAsync(IReadOnlyList<NewActivity> batch, CancellationToken cancellationToken = default) =>
        WriteAsync(batch, null, cancellationToken);

    /// <summary>
    /// Stores the batch and, when given, the idempotency record in one transaction and returns the new ids, in input order.
    /// Throws <see cref="DuplicateIdempotencyKeyException"/> (having stored nothing) when the key is already stored, and
    /// <see cref="MissingActivityReferenceException"/> when a person or type is gone.
    /// </summary>
    public async Task<long[]> WriteAsync(IReadOnlyList<NewActivity> batch, IdempotencyRecord? idempotency, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0 && idempotency is null)
        {
            return [];
        }
        var ids = await StoreAsync(batch, idempotency, cancellationToken);
        // Once committed, the batch is answered as stored whatever the live subscribers do.
        if (batch.Count > 0)
        {
            feed.Publish(new ActivitiesAdded(CountByPerson(batch)));
        }
        return ids;
    }

    /// <summary>Writes and commits the batch (and the record), or stores nothing and throws.</summary>
    protected abstract Task<long[]> StoreAsync(IReadOnlyList<NewActivity> batch, IdempotencyRecord? idempotency, CancellationToken cancellationToken);

    /// <summary>Each person of the batch with the date of their latest activity in it, in UTC ticks.</summary>
    protected static Dictionary<int, long> LatestByPerson(IReadOnlyList<NewActivity> batch)
    {
        var latestByPerson = new Dictionary<int, long>();
        for (var i = 0; i < batch.Count; i++)
        {
            var activity = batch[i];
            var occurredAt = activity.OccurredAt.UtcTicks;
            if (!latestByPerson.TryGetValue(activity.PersonId, out var latest) || occurredAt > latest)
            {
                latestByPerson[activity.PersonId] = occurredAt;
            }
        }
        return latestByPerson;
    }

    private static Dictionary<int, int> CountByPerson(IReadOnlyList<NewActivity> batch)
    {
        var countByPerson = new Dictionary<int, int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var personId = batch[i].PersonId;
            countByPerson[personId] = countByPerson.GetValueOrDefault(personId) + 1;
        }
        return countByPerson;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
