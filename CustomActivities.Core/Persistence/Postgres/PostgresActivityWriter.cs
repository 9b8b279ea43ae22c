using CustomActivities.Core.Activities;
using Npgsql;
using NpgsqlTypes;

namespace CustomActivities.Core.Persistence.Postgres;

/// <summary>
/// The PostgreSQL write path for activities: the rows of a batch go in one binary COPY, inside the transaction that
/// also stores the call's idempotency record and moves its people's LastActivityAt. COPY returns no generated ids, so
/// the batch's ids are taken from the table's sequence first (one round trip) and written explicitly. Unlike SQLite,
/// PostgreSQL takes concurrent writers, so batches are not serialised here.
/// </summary>
public sealed class PostgresActivityWriter(NpgsqlDataSource dataSource, TimeProvider timeProvider, ActivityFeed feed) : ActivityBulkWriter(feed)
{
    /// <summary>The sequence behind <c>Activities.Id</c> (a partitioned table cannot have an identity column).</summary>
    public const string IdSequence = "ActivityIds";

    private const string ReserveIds = $"""SELECT nextval('"{IdSequence}"') FROM generate_series(1, @count);""";

    private const string Copy = """
        COPY "Activities" ("Id", "PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "Attributes", "RecordedAt")
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// Locks the batch's people in id order before updating them: two concurrent batches sharing people would otherwise
    /// lock them in whatever order their join runs and could deadlock.
    /// </summary>
    private const string LockPeople = """
        SELECT 1 FROM "People" WHERE "Id" = ANY(@people) ORDER BY "Id" FOR NO KEY UPDATE;
        """;

    private const string TouchPeople = """
        UPDATE "People" AS p SET "LastActivityAt" = l.at
        FROM unnest(@people, @latest) AS l(id, at)
        WHERE p."Id" = l.id AND (p."LastActivityAt" IS NULL OR p."LastActivityAt" < l.at);
        """;

    /// <summary>Nothing on a concurrent duplicate: the caller then replays the stored answer instead of failing the transaction.</summary>
    private const string InsertIdempotency = """
        INSERT INTO "IdempotentCalls" ("ApiClientId", "Key", "RequestHash", "Response", "CreatedAt")
        VALUES (@client, @key, @hash, @response, @createdAt)
        ON CONFLICT DO NOTHING;
        """;

    protected override async Task<long[]> StoreAsync(IReadOnlyList<NewActivity> batch, IdempotencyRecord? idempotency, CancellationToken cancellationToken)
    {
        var recordedAt = timeProvider.GetUtcNow().UtcTicks;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var ids = batch.Count == 0 ? [] : await ReserveIdsAsync(connection, batch.Count, cancellationToken);
            // Before the rows: a concurrent call with the same key waits here on the unique index, not after its COPY.
            if (idempotency is not null && !await InsertIdempotencyAsync(connection, idempotency, ids, recordedAt, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                throw new DuplicateIdempotencyKeyException(idempotency.Key);
            }
            if (batch.Count > 0)
            {
                await CopyAsync(connection, batch, ids, recordedAt, cancellationToken);
                await TouchPeopleAsync(connection, LatestByPerson(batch), cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return ids;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new MissingActivityReferenceException(e);
        }
    }

    private static async Task<long[]> ReserveIdsAsync(NpgsqlConnection connection, int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ReserveIds, connection);
        command.Parameters.Add(new NpgsqlParameter<int>("count", count));
        var ids = new long[count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < count && await reader.ReadAsync(cancellationToken); i++)
        {
            ids[i] = reader.GetInt64(0);
        }
        return ids;
    }

    private static async Task<bool> InsertIdempotencyAsync(NpgsqlConnection connection, IdempotencyRecord idempotency, long[] ids, long recordedAt,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertIdempotency, connection);
        command.Parameters.Add(new NpgsqlParameter<int>("client", idempotency.ApiClientId));
        command.Parameters.Add(new NpgsqlParameter<string>("key", idempotency.Key));
        command.Parameters.Add(new NpgsqlParameter<string>("hash", idempotency.RequestHash));
        command.Parameters.Add(new NpgsqlParameter<string>("response", idempotency.Response(ids)));
        command.Parameters.Add(new NpgsqlParameter<long>("createdAt", recordedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<NewActivity> batch, long[] ids, long recordedAt,
        CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            var activity = batch[i];
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(ids[i], NpgsqlDbType.Bigint, cancellationToken);
            await import.WriteAsync(activity.PersonId, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(activity.ActivityTypeId, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(activity.TypeVersionNumber, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(activity.OccurredAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
            await WriteTextAsync(import, activity.PrimaryValue, NpgsqlDbType.Text, cancellationToken);
            await WriteTextAsync(import, activity.Attributes, NpgsqlDbType.Jsonb, cancellationToken);
            await import.WriteAsync(recordedAt, NpgsqlDbType.Bigint, cancellationToken);
        }
        await import.CompleteAsync(cancellationToken);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter import, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? import.WriteNullAsync(cancellationToken) : import.WriteAsync(value, type, cancellationToken);

    private static async Task TouchPeopleAsync(NpgsqlConnection connection, Dictionary<int, long> latestByPerson, CancellationToken cancellationToken)
    {
        var people = new int[latestByPerson.Count];
        var latest = new long[latestByPerson.Count];
        var i = 0;
        foreach (var (personId, at) in latestByPerson)
        {
            people[i] = personId;
            latest[i++] = at;
        }
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(LockPeople) { Parameters = { new NpgsqlParameter<int[]>("people", people) } },
                new NpgsqlBatchCommand(TouchPeople)
                {
                    Parameters = { new NpgsqlParameter<int[]>("people", people), new NpgsqlParameter<long[]>("latest", latest) },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
