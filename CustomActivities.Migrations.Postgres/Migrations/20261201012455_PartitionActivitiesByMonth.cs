using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomActivities.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Activities becomes a table partitioned by month of "OccurredAt" (UTC ticks): monthly partitions, a DEFAULT
    /// partition for dates outside the created months, the timeline's indexes on the parent (so on every partition),
    /// and the function "CreateActivityMonth" that the app's partition maintainer calls ahead of time. A partitioned
    /// table's primary key must contain its partition key, so it is ("Id", "OccurredAt"); the ids come from the
    /// "ActivityIds" sequence (PostgreSQL 15 refuses identity columns on partitioned tables). No foreign key points at
    /// Activities, so the table is rebuilt and its rows copied over.
    /// </summary>
    public partial class PartitionActivitiesByMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "ActivityIds");

            migrationBuilder.Sql("""
                ALTER TABLE "Activities" RENAME TO "Activities_unpartitioned";
                ALTER INDEX "PK_Activities" RENAME TO "PK_Activities_unpartitioned";
                DROP INDEX "IX_Activities_Person_Timeline";
                DROP INDEX "IX_Activities_Person_Type_Timeline";
                DROP INDEX "IX_Activities_Time";
                DROP INDEX "IX_Activities_Type_Time";

                CREATE TABLE "Activities" (
                    "Id" bigint NOT NULL DEFAULT nextval('"ActivityIds"'),
                    "PersonId" integer NOT NULL,
                    "ActivityTypeId" integer NOT NULL,
                    "TypeVersionNumber" integer NOT NULL,
                    "OccurredAt" bigint NOT NULL,
                    "PrimaryValue" text NULL,
                    "PrimaryValueId" bigint NULL,
                    "Attributes" jsonb NULL,
                    "RecordedAt" bigint NOT NULL,
                    CONSTRAINT "PK_Activities" PRIMARY KEY ("Id", "OccurredAt"),
                    CONSTRAINT "FK_Activities_ActivityTypes_ActivityTypeId" FOREIGN KEY ("ActivityTypeId") REFERENCES "ActivityTypes" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Activities_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
                ) PARTITION BY RANGE ("OccurredAt");
                ALTER SEQUENCE "ActivityIds" OWNED BY "Activities"."Id";
                CREATE TABLE "Activities_default" PARTITION OF "Activities" DEFAULT;

                CREATE INDEX "IX_Activities_Person_Timeline" ON "Activities" ("PersonId", "OccurredAt", "Id");
                CREATE INDEX "IX_Activities_Person_Type_Timeline" ON "Activities" ("PersonId", "ActivityTypeId", "OccurredAt", "Id");
                CREATE INDEX "IX_Activities_Time" ON "Activities" ("OccurredAt", "Id");
                CREATE INDEX "IX_Activities_Type_Time" ON "Activities" ("ActivityTypeId", "OccurredAt");
                """);

            // Creates the month's partition unless it exists; rows of that month already in the DEFAULT partition move
            // into it first (ATTACH refuses a range the DEFAULT partition holds rows of). The lock keeps writers of the
            // DEFAULT partition out for that moment only; the other months' partitions stay writable.
            migrationBuilder.Sql("""
                CREATE FUNCTION "CreateActivityMonth"(month date) RETURNS boolean LANGUAGE plpgsql AS $fn$
                DECLARE
                    first_day date := date_trunc('month', month)::date;
                    partition_name text := format('Activities_%s', to_char(first_day, 'YYYY_MM'));
                    low bigint := (extract(epoch FROM first_day::timestamp) * 10000000)::bigint + 621355968000000000;
                    high bigint := (extract(epoch FROM (first_day + interval '1 month')::timestamp) * 10000000)::bigint + 621355968000000000;
                BEGIN
                    IF to_regclass(format('%I', partition_name)) IS NOT NULL THEN
                        RETURN false;
                    END IF;
                    LOCK TABLE "Activities_default" IN SHARE ROW EXCLUSIVE MODE;
                    EXECUTE format('CREATE TABLE %I (LIKE "Activities" INCLUDING DEFAULTS)', partition_name);
                    EXECUTE format('WITH moved AS (DELETE FROM "Activities_default" WHERE "OccurredAt" >= %s AND "OccurredAt" < %s RETURNING *) INSERT INTO %I SELECT * FROM moved',
                        low, high, partition_name);
                    EXECUTE format('ALTER TABLE "Activities" ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', partition_name, low, high);
                    RETURN true;
                END
                $fn$;
                """);

            // The months that hold activities (within ten years back and two ahead; the rest stays in DEFAULT), and the
            // months around today, before the rows are copied in.
            migrationBuilder.Sql("""
                DO $do$
                DECLARE
                    month date;
                BEGIN
                    FOR month IN
                        SELECT DISTINCT date_trunc('month', to_timestamp(("OccurredAt" - 621355968000000000) / 10000000.0) AT TIME ZONE 'UTC')::date
                        FROM "Activities_unpartitioned"
                        WHERE "OccurredAt" >= (extract(epoch FROM now() - interval '10 years') * 10000000)::bigint + 621355968000000000
                          AND "OccurredAt" < (extract(epoch FROM now() + interval '2 years') * 10000000)::bigint + 621355968000000000
                        UNION
                        SELECT generate_series(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month',
                                               date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months', interval '1 month')::date
                    LOOP
                        PERFORM "CreateActivityMonth"(month);
                    END LOOP;
                END
                $do$;

                INSERT INTO "Activities" ("Id", "PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "PrimaryValueId", "Attributes", "RecordedAt")
                SELECT "Id", "PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "PrimaryValueId", "Attributes", "RecordedAt"
                FROM "Activities_unpartitioned";
                SELECT setval('"ActivityIds"', COALESCE(MAX("Id"), 1), MAX("Id") IS NOT NULL) FROM "Activities";
                DROP TABLE "Activities_unpartitioned";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "Activities_plain" (
                    "Id" bigint GENERATED BY DEFAULT AS IDENTITY,
                    "PersonId" integer NOT NULL,
                    "ActivityTypeId" integer NOT NULL,
                    "TypeVersionNumber" integer NOT NULL,
                    "OccurredAt" bigint NOT NULL,
                    "PrimaryValue" text NULL,
                    "PrimaryValueId" bigint NULL,
                    "Attributes" jsonb NULL,
                    "RecordedAt" bigint NOT NULL
                );
                INSERT INTO "Activities_plain" ("Id", "PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "PrimaryValueId", "Attributes", "RecordedAt")
                SELECT "Id", "PersonId", "ActivityTypeId", "TypeVersionNumber", "OccurredAt", "PrimaryValue", "PrimaryValueId", "Attributes", "RecordedAt"
                FROM "Activities";
                SELECT setval(pg_get_serial_sequence('"Activities_plain"', 'Id'), COALESCE(MAX("Id"), 1), MAX("Id") IS NOT NULL) FROM "Activities_plain";
                DROP TABLE "Activities";
                DROP FUNCTION "CreateActivityMonth"(date);
                ALTER TABLE "Activities_plain" RENAME TO "Activities";
                ALTER SEQUENCE "Activities_plain_Id_seq" RENAME TO "Activities_Id_seq";
                ALTER TABLE "Activities" ADD CONSTRAINT "PK_Activities" PRIMARY KEY ("Id");
                ALTER TABLE "Activities" ADD CONSTRAINT "FK_Activities_ActivityTypes_ActivityTypeId" FOREIGN KEY ("ActivityTypeId") REFERENCES "ActivityTypes" ("Id") ON DELETE RESTRICT;
                ALTER TABLE "Activities" ADD CONSTRAINT "FK_Activities_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT;
                CREATE INDEX "IX_Activities_Person_Timeline" ON "Activities" ("PersonId", "OccurredAt", "Id");
                CREATE INDEX "IX_Activities_Person_Type_Timeline" ON "Activities" ("PersonId", "ActivityTypeId", "OccurredAt", "Id");
                CREATE INDEX "IX_Activities_Time" ON "Activities" ("OccurredAt", "Id");
                CREATE INDEX "IX_Activities_Type_Time" ON "Activities" ("ActivityTypeId", "OccurredAt");
                DROP SEQUENCE IF EXISTS "ActivityIds";
                """);
        }
    }
}
