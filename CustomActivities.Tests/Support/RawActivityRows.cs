using CustomActivities.Core.Persistence.Sqlite;
using CustomActivities.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace CustomActivities.Tests.Support;

/// <summary>Writes activity rows straight into a SQLite file, bypassing every rule: what an old version or a hand-edit could leave there.</summary>
public static class RawActivityRows
{
    /// <summary>An activity of the type's version 1 at the given stored ticks (any long, as the file can hold).</summary>
    public static async Task InsertAsync(string databasePath, int personId, int typeId, long occurredAtTicks, string primary)
    {
        await using var connection = new SqliteConnection(SqliteConnectionSetup.ConnectionString(databasePath));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO Activities (PersonId, ActivityTypeId, TypeVersionNumber, OccurredAt, PrimaryValue, Attributes, RecordedAt)
            VALUES ($person, $type, (SELECT MAX(Number) FROM ActivityTypeVersions WHERE ActivityTypeId = $type), $at, $primary, NULL, $at);
            """;
        command.Parameters.AddWithValue("$person", personId);
        command.Parameters.AddWithValue("$type", typeId);
        command.Parameters.AddWithValue("$at", occurredAtTicks);
        command.Parameters.AddWithValue("$primary", primary);
        await command.ExecuteNonQueryAsync();
    }

    public static readonly long EndOfTime = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).UtcTicks;
    public static readonly long StartOfTime = DateTimeOffset.MinValue.UtcTicks;
}
