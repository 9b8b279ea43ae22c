using CustomActivities.Core.Activities;

namespace CustomActivities.Core.Persistence.Postgres;

/// <summary>The pairs read by jsonb_array_elements; the parameter arrives as text and is cast once.</summary>
internal sealed class PostgresLastActivityTouch : ILastActivityTouch
{
    public string Sql => """
        UPDATE "People" AS p SET "LastActivityAt" = l.at
        FROM (SELECT (pair ->> 0)::integer AS id, (pair ->> 1)::bigint AS at FROM jsonb_array_elements(CAST({0} AS jsonb)) AS pair) AS l
        WHERE p."Id" = l.id AND (p."LastActivityAt" IS NULL OR p."LastActivityAt" < l.at);
        """;
}
