using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomActivities.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeoplePrefixIndexesAndSharedApiUsage : Migration
    {
        /// <summary>
        /// People search: a case-insensitive prefix is <c>lower(column) COLLATE "C" LIKE 'ab%'</c>, a byte range on these
        /// expression indexes whatever the database's collation (a range on the citext column would follow a linguistic
        /// collation, which orders "ada.x" outside ["ada.", "ada/")); the same index gives the page its order, so a page of
        /// a common prefix reads 25 entries instead of sorting every match. LastName carries Id, the sort's tie-break.
        /// Shared API limits: see PostgresApiUsageTracker. UNLOGGED: a server crash empties them (limits start afresh);
        /// the daily counts stay in the logged ApiClientUsage.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_People_Email_Prefix" ON "People" (lower("Email") COLLATE "C");
                CREATE INDEX "IX_People_FirstName_Prefix" ON "People" (lower("FirstName") COLLATE "C");
                CREATE INDEX "IX_People_LastName_Prefix" ON "People" (lower("LastName") COLLATE "C", "Id");
                CREATE INDEX "IX_People_Company_Prefix" ON "People" (lower("Company") COLLATE "C");

                CREATE UNLOGGED TABLE "ApiNodes" (
                    "Node" uuid PRIMARY KEY,
                    "SeenAt" bigint NOT NULL
                );
                CREATE UNLOGGED TABLE "ApiCallsInFlight" (
                    "ApiClientId" integer NOT NULL REFERENCES "ApiClients" ("Id") ON DELETE CASCADE,
                    "Node" uuid NOT NULL REFERENCES "ApiNodes" ("Node") ON DELETE CASCADE,
                    "Calls" integer NOT NULL,
                    PRIMARY KEY ("ApiClientId", "Node")
                );
                CREATE UNLOGGED TABLE "ApiCallTimes" (
                    "ApiClientId" integer NOT NULL REFERENCES "ApiClients" ("Id") ON DELETE CASCADE,
                    "At" bigint NOT NULL
                );
                CREATE INDEX "IX_ApiCallTimes_ApiClientId_At" ON "ApiCallTimes" ("ApiClientId", "At");

                -- Answers 0 admitted, 1 rate window full (606), 2 daily quota used (607), 3 too many calls in flight (615).
                CREATE FUNCTION "ApiAdmitCall"(p_client integer, p_node uuid, p_now bigint, p_window bigint, p_rate integer,
                    p_day integer, p_quota bigint, p_concurrent integer, p_stale bigint, p_heartbeat boolean)
                RETURNS integer LANGUAGE plpgsql AS $$
                DECLARE
                    v_count bigint;
                BEGIN
                    IF p_heartbeat THEN
                        INSERT INTO "ApiNodes" ("Node", "SeenAt") VALUES (p_node, p_now)
                        ON CONFLICT ("Node") DO UPDATE SET "SeenAt" = GREATEST("ApiNodes"."SeenAt", excluded."SeenAt");
                    ELSE
                        -- Between heartbeats only a lookup, unless another node forgot this one (its clock ran ahead).
                        INSERT INTO "ApiNodes" ("Node", "SeenAt") VALUES (p_node, p_now) ON CONFLICT ("Node") DO NOTHING;
                    END IF;
                    -- The nodes admitting one client take turns (until this call's transaction ends).
                    PERFORM pg_advisory_xact_lock(1095780693, p_client);
                    SELECT COALESCE(SUM(f."Calls"), 0) INTO v_count
                    FROM "ApiCallsInFlight" AS f JOIN "ApiNodes" AS n ON n."Node" = f."Node"
                    WHERE f."ApiClientId" = p_client AND n."SeenAt" > p_now - p_stale;
                    IF v_count >= p_concurrent THEN
                        RETURN 3;
                    END IF;
                    DELETE FROM "ApiCallTimes" WHERE "ApiClientId" = p_client AND "At" <= p_now - p_window;
                    SELECT COUNT(*) INTO v_count FROM "ApiCallTimes" WHERE "ApiClientId" = p_client;
                    IF v_count >= p_rate THEN
                        RETURN 1;
                    END IF;
                    SELECT COALESCE(MAX("Calls"), 0) INTO v_count FROM "ApiClientUsage" WHERE "ApiClientId" = p_client AND "Day" = p_day;
                    IF v_count >= p_quota THEN
                        RETURN 2;
                    END IF;
                    -- A client removed since its token was checked: the call runs, as on SQLite, with nothing to count it on.
                    IF NOT EXISTS (SELECT 1 FROM "ApiClients" WHERE "Id" = p_client) THEN
                        RETURN 0;
                    END IF;
                    INSERT INTO "ApiCallTimes" ("ApiClientId", "At") VALUES (p_client, p_now);
                    INSERT INTO "ApiClientUsage" ("ApiClientId", "Day", "Calls") VALUES (p_client, p_day, 1)
                    ON CONFLICT ("ApiClientId", "Day") DO UPDATE SET "Calls" = "ApiClientUsage"."Calls" + 1;
                    INSERT INTO "ApiCallsInFlight" ("ApiClientId", "Node", "Calls") VALUES (p_client, p_node, 1)
                    ON CONFLICT ("ApiClientId", "Node") DO UPDATE SET "Calls" = "ApiCallsInFlight"."Calls" + 1;
                    UPDATE "ApiClients" SET "LastUsedAt" = p_now WHERE "Id" = p_client AND ("LastUsedAt" IS NULL OR "LastUsedAt" < p_now);
                    RETURN 0;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION "ApiAdmitCall"(integer, uuid, bigint, bigint, integer, integer, bigint, integer, bigint, boolean);
                DROP TABLE "ApiCallTimes";
                DROP TABLE "ApiCallsInFlight";
                DROP TABLE "ApiNodes";
                DROP INDEX "IX_People_Company_Prefix";
                DROP INDEX "IX_People_LastName_Prefix";
                DROP INDEX "IX_People_FirstName_Prefix";
                DROP INDEX "IX_People_Email_Prefix";
                """);
        }
    }
}
