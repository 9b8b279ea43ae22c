using CustomActivities.Core.Activities;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomActivities.Core.Persistence.Sqlite;

/// <summary>
/// The SQLite write path for activities. EF Core's SQLite provider sends one statement per entity; here one connection
/// keeps prepared INSERT statements and writes each batch in a single transaction, so a batch is stored whole or not at all.
/// SQLite has one writer at a time, so batches are serialised here rather than queued inside SQLite's busy handler.
/// </summary>
public sealed class SqliteActivityWriter(SqliteDatabase database, TimeProvider timeProvider, ActivityFeed feed) : ActivityBulkWriter(feed)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;
    /// <summary>The row INSERT as a raw SQLite statement: bound by index and stepped without ADO.NET's per-execution objects.</summary>
    private sqlite3_stmt? insertActivity;
    private SqliteCommand? touchPerson;
    private SqliteCommand? insertIdempotency;

    protected override async Task<long[]> StoreAsync(IReadOnlyList<NewActivity> batch, IdempotencyRecord? idempotency, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            EnsureOpen();
            var recordedAt = timeProvider.GetUtcNow().UtcTicks;
            var stored = new long[batch.Count];
            var latestByPerson = new Dictionary<int, long>();
            using var transaction = connection!.BeginTransaction();
            touchPerson!.Transaction = transaction;
            for (var i = 0; i < batch.Count; i++)
            {
                var activity = batch[i];
                var occurredAt = activity.OccurredAt.UtcTicks;
                stored[i] = Insert(activity, occurredAt, recordedAt);
                if (!latestByPerson.TryGetValue(activity.PersonId, out var latest) || occurredAt > latest)
                {
                    latestByPerson[activity.PersonId] = occurredAt;
                }
            }
            // One statement for all the batch's people (a JSON array of [id, latest] pairs) instead of one per person.
            touchPerson.Parameters[0].Value = LatestPairs(latestByPerson);
            touchPerson.ExecuteNonQuery();
            if (idempotency is not null)
            {
                var q = insertIdempotency!.Parameters;
                insertIdempotency.Transaction = transaction;
                q[0].Value = idempotency.ApiClientId;
                q[1].Value = idempotency.Key;
                q[2].Value = idempotency.RequestHash;
                q[3].Value = idempotency.Response(stored);
                q[4].Value = recordedAt;
                try
                {
                    insertIdempotency.ExecuteNonQuery();
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 19)
                {
                    transaction.Rollback();
                    throw new DuplicateIdempotencyKeyException(idempotency.Key);
                }
            }
            transaction.Commit();
            return stored;
        }
        catch (DuplicateIdempotencyKeyException)
        {
            throw;
        }
        catch (Exception e)
        {
            // A failed batch leaves the connection in an unknown state; the next batch starts from a fresh one.
            await CloseAsync();
            // SQLITE_CONSTRAINT on an activity row: its foreign key (a person or type deleted since validation).
            if (e is SqliteException { SqliteErrorCode: 19 })
            {
                throw new MissingActivityReferenceException(e);
            }
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private static string LatestPairs(Dictionary<int, long> latestByPerson)
    {
        var text = new System.Text.StringBuilder(latestByPerson.Count * 28 + 2).Append('[');
        foreach (var (personId, latest) in latestByPerson)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }
            text.Append('[').Append(personId).Append(',').Append(latest).Append(']');
        }
        return text.Append(']').ToString();
    }

    private long Insert(NewActivity activity, long occurredAt, long recordedAt)
    {
        var statement = insertActivity!;
        raw.sqlite3_bind_int64(statement, 1, activity.PersonId);
        raw.sqlite3_bind_int64(statement, 2, activity.ActivityTypeId);
        raw.sqlite3_bind_int64(statement, 3, activity.TypeVersionNumber);
        raw.sqlite3_bind_int64(statement, 4, occurredAt);
        BindText(statement, 5, activity.PrimaryValue);
        BindText(statement, 6, activity.Attributes);
        raw.sqlite3_bind_int64(statement, 7, recordedAt);
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(connection!.Handle).utf8_to_string(), result, raw.sqlite3_extended_errcode(connection.Handle));
        }
        return raw.sqlite3_last_insert_rowid(connection!.Handle);
    }

    private static void BindText(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else
        {
            raw.sqlite3_bind_text(statement, index, value);
        }
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(connection!.Handle).utf8_to_string(), result);
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
        SqliteConnectionSetup.ApplyForBulkWrites(connection);

        Check(raw.sqlite3_prepare_v2(connection.Handle, """
            INSERT INTO Activities (PersonId, ActivityTypeId, TypeVersionNumber, OccurredAt, PrimaryValue, Attributes, RecordedAt)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);
            """, out var statement));
        insertActivity = statement;

        touchPerson = connection.CreateCommand();
        touchPerson.CommandText = """
            UPDATE People SET LastActivityAt = latest.value ->> 1
            FROM json_each($pairs) AS latest
            WHERE People.Id = latest.value ->> 0 AND (People.LastActivityAt IS NULL OR People.LastActivityAt < latest.value ->> 1);
            """;
        touchPerson.Parameters.Add(new SqliteParameter { ParameterName = "$pairs" });
        touchPerson.Prepare();

        insertIdempotency = connection.CreateCommand();
        insertIdempotency.CommandText = """
            INSERT INTO IdempotentCalls (ApiClientId, Key, RequestHash, Response, CreatedAt)
            VALUES ($client, $key, $hash, $response, $createdAt);
            """;
        foreach (var name in new[] { "$client", "$key", "$hash", "$response", "$createdAt" })
        {
            insertIdempotency.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        insertIdempotency.Prepare();
    }

    private async Task CloseAsync()
    {
        insertActivity?.Dispose();
        if (touchPerson is not null)
        {
            await touchPerson.DisposeAsync();
        }
        if (insertIdempotency is not null)
        {
            await insertIdempotency.DisposeAsync();
        }
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        insertActivity = null;
        touchPerson = null;
        insertIdempotency = null;
        connection = null;
    }

    public override async ValueTask DisposeAsync()
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
