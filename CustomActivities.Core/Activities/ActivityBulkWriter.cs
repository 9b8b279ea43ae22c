using CustomActivities.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace CustomActivities.Core.Activities;

/// <summary>An activity that passed validation and is ready to be stored.</summary>
public sealed record NewActivity(
    int PersonId,
    int ActivityTypeId,
    int TypeVersionNumber,
    DateTimeOffset OccurredAt,
    string? PrimaryValue,
    string? Attributes);

/// <summary>
/// The write path for activities. EF Core's SQLite provider sends one statement per entity; here one connection keeps
/// prepared INSERT statements and writes each batch in a single transaction, so a batch is stored whole or not at all.
/// SQLite has one writer at a time, so batches are serialised here rather than queued inside SQLite's busy handler.
/// </summary>
public sealed class ActivityBulkWriter(SqliteDatabase database, TimeProvider timeProvider, ActivityFeed feed) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;
    private SqliteCommand? insertActivity;
    private SqliteCommand? touchPerson;

    /// <summary>Stores the batch in one transaction and returns the new ids, in input order.</summary>
    public async Task<long[]> WriteAsync(IReadOnlyList<NewActivity> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0)
        {
            return [];
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            EnsureOpen();
            var recordedAt = timeProvider.GetUtcNow().UtcTicks;
            var ids = new long[batch.Count];
            var latestByPerson = new Dictionary<int, long>();
            var countByPerson = new Dictionary<int, int>();
            using var transaction = connection!.BeginTransaction();
            insertActivity!.Transaction = transaction;
            touchPerson!.Transaction = transaction;
            var p = insertActivity.Parameters;
            for (var i = 0; i < batch.Count; i++)
            {
                var activity = batch[i];
                var occurredAt = activity.OccurredAt.UtcTicks;
                p[0].Value = activity.PersonId;
                p[1].Value = activity.ActivityTypeId;
                p[2].Value = activity.TypeVersionNumber;
                p[3].Value = occurredAt;
                p[4].Value = (object?)activity.PrimaryValue ?? DBNull.Value;
                p[5].Value = (object?)activity.Attributes ?? DBNull.Value;
                p[6].Value = recordedAt;
                ids[i] = (long)insertActivity.ExecuteScalar()!;
                countByPerson[activity.PersonId] = countByPerson.GetValueOrDefault(activity.PersonId) + 1;
                if (!latestByPerson.TryGetValue(activity.PersonId, out var latest) || occurredAt > latest)
                {
                    latestByPerson[activity.PersonId] = occurredAt;
                }
            }
            foreach (var (personId, latest) in latestByPerson)
            {
                touchPerson.Parameters[0].Value = latest;
                touchPerson.Parameters[1].Value = personId;
                touchPerson.ExecuteNonQuery();
            }
            transaction.Commit();
            feed.Publish(new ActivitiesAdded(countByPerson));
            return ids;
        }
        catch
        {
            // A failed batch leaves the connection in an unknown state; the next batch starts from a fresh one.
            await CloseAsync();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private void EnsureOpen()
    {
        if (connection is not null)
        {
            return;
        }
        connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        SqliteConnectionSetup.Apply(connection);

        insertActivity = connection.CreateCommand();
        insertActivity.CommandText = """
            INSERT INTO Activities (PersonId, ActivityTypeId, TypeVersionNumber, OccurredAt, PrimaryValue, Attributes, RecordedAt)
            VALUES ($person, $type, $version, $occurredAt, $primary, $attributes, $recordedAt)
            RETURNING Id;
            """;
        foreach (var name in new[] { "$person", "$type", "$version", "$occurredAt", "$primary", "$attributes", "$recordedAt" })
        {
            insertActivity.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        insertActivity.Prepare();

        touchPerson = connection.CreateCommand();
        touchPerson.CommandText = "UPDATE People SET LastActivityAt = $latest WHERE Id = $id AND (LastActivityAt IS NULL OR LastActivityAt < $latest);";
        touchPerson.Parameters.Add(new SqliteParameter { ParameterName = "$latest" });
        touchPerson.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        touchPerson.Prepare();
    }

    private async Task CloseAsync()
    {
        if (insertActivity is not null)
        {
            await insertActivity.DisposeAsync();
        }
        if (touchPerson is not null)
        {
            await touchPerson.DisposeAsync();
        }
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        insertActivity = null;
        touchPerson = null;
        connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            gate.Release();
            gate.Dispose();
        }
    }
}
