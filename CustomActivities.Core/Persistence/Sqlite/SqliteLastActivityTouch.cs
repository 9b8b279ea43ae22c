using CustomActivities.Core.Activities;

namespace CustomActivities.Core.Persistence.Sqlite;

/// <summary>The single writer's statement, with the pairs read by json_each.</summary>
internal sealed class SqliteLastActivityTouch : ILastActivityTouch
{
    public string Sql => """
        UPDATE People SET LastActivityAt = latest.value ->> 1
        FROM json_each({0}) AS latest
        WHERE People.Id = latest.value ->> 0 AND (People.LastActivityAt IS NULL OR People.LastActivityAt < latest.value ->> 1);
        """;
}
