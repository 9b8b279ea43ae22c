using System.Buffers.Binary;
using System.Data.Common;
using System.Text;
using CustomActivities.Core.Persistence;

namespace CustomActivities.Core.Activities;

/// <summary>A position in the (OccurredAt, Id) order of all activities, sent to clients as an opaque paging token.</summary>
public readonly record struct PagingPosition(long OccurredAtTicks, long Id)
{
    public string ToToken()
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = 1;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], OccurredAtTicks);
        BinaryPrimitives.WriteInt64BigEndian(bytes[9..], Id);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryParse(string? token, out PagingPosition position)
    {
        position = default;
        if (string.IsNullOrEmpty(token) || token.Length > 40)
        {
            return false;
        }
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        Span<byte> bytes = stackalloc byte[24];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != 17 || bytes[0] != 1)
        {
            return false;
        }
        position = new PagingPosition(BinaryPrimitives.ReadInt64BigEndian(bytes[1..]), BinaryPrimitives.ReadInt64BigEndian(bytes[9..]));
        return position.OccurredAtTicks >= 0 && position.Id >= 0;
    }
}

public sealed record ActivityRow(long Id, int LeadId, int ActivityTypeId, int TypeVersionNumber, DateTimeOffset OccurredAt, string? PrimaryValue, string? Attributes,
    long? PrimaryValueId = null);

public sealed record ActivityPage(IReadOnlyList<ActivityRow> Activities, bool MoreResult, string NextPageToken);

/// <summary>
/// Reads activities in (OccurredAt, Id) order after a position, by key (never OFFSET): a page continues exactly after the
/// last row of the previous one, so rows written while a client pages are neither skipped nor repeated as long as they
/// are dated after the reader's position (activities dated in the past that arrive later are found with a new token).
/// </summary>
public sealed class ActivityPaging(DatabaseEngine database, SqlDialect dialect)
{
    public const int MaxBatchSize = 300;
    public const int MaxTypeFilters = 10;
    public const int MaxLeadFilters = 30;

    /// <summary>The position just before the first activity at or after <paramref name="since"/>.</summary>
    public static string TokenFor(DateTimeOffset since) => new PagingPosition(Math.Max(0, since.UtcTicks), 0).ToToken();

    /// <param name="listId">Only activities of the members of this static list (Marketo's listId filter).</param>
    /// <param name="changedFieldIds">Only Change Data Value activities of these lead fields (leadchanges.json's fields); other types pass.</param>
    public async Task<ActivityPage> ReadAsync(PagingPosition after, IReadOnlyCollection<int> typeIds, IReadOnlyCollection<int> leadIds,
        int batchSize = MaxBatchSize, CancellationToken cancellationToken = default, int? listId = null, IReadOnlyCollection<int>? changedFieldIds = null)
    {
        batchSize = Math.Clamp(batchSize, 1, MaxBatchSize);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"""
            SELECT "Id", "PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "Attributes", "PrimaryValueId" FROM "Activities"
            WHERE {dialect.After("\"OccurredAt\"", "\"Id\"", "@at", "@id")}{dialect.PartitionBound("\"OccurredAt\"", "@at", newer: true)}
            """);
        command.AddParameter("@at", after.OccurredAtTicks);
        command.AddParameter("@id", after.Id);
        AppendIn(sql, command, "\"ActivityTypeId\"", "t", typeIds);
        AppendIn(sql, command, "\"PersonId\"", "l", leadIds);
        if (listId is { } list)
        {
            sql.Append(" AND \"PersonId\" IN (SELECT \"PersonId\" FROM \"StaticListMembers\" WHERE \"ListId\" = @list)");
            command.AddParameter("@list", list);
        }
        if (changedFieldIds is not null)
        {
            sql.Append($" AND (\"ActivityTypeId\" <> {StandardActivityTypes.ChangeDataValue} OR (1 = 1");
            AppendIn(sql, command, "\"PrimaryValueId\"", "f", changedFieldIds);
            sql.Append("))");
        }
        sql.Append(" ORDER BY \"OccurredAt\", \"Id\" LIMIT @limit;");
        command.AddParameter("@limit", batchSize + 1);
        command.CommandText = sql.ToString();
        var rows = new List<ActivityRow>(Math.Min(batchSize + 1, 64));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new ActivityRow(
                    reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
                    new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetInt64(7)));
            }
        }
        var more = rows.Count > batchSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        var next = rows.Count == 0 ? after : new PagingPosition(rows[^1].OccurredAt.UtcTicks, rows[^1].Id);
        return new ActivityPage(rows, more, next.ToToken());
    }

    private static void AppendIn(StringBuilder sql, DbCommand command, string column, string prefix, IReadOnlyCollection<int> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        sql.Append(" AND ").Append(column).Append(" IN (");
        var i = 0;
        foreach (var value in values)
        {
            var name = $"@{prefix}{i}";
            sql.Append(i++ == 0 ? name : "," + name);
            command.AddParameter(name, value);
        }
        sql.Append(')');
    }
}
