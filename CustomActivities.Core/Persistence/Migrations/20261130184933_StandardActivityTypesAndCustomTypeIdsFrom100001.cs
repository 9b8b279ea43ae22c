using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomActivities.Core.Persistence.Migrations
{
    /// <summary>
    /// Custom activity types move to ids from 100001 (Marketo's custom range, clear of its standard ids) and Marketo's
    /// standard types New Lead (12), Change Data Value (13), Add to List (24) and Remove from List (25) are seeded as
    /// approved types (see StandardActivityTypes). Every reference to a custom type id moves with it: versions,
    /// activities and the audit trail's entity ids; the AUTOINCREMENT sequence then continues above 100000.
    /// </summary>
    public partial class StandardActivityTypesAndCustomTypeIdsFrom100001 : Migration
    {
        private const int Offset = 100000;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Parent and child ids change in separate statements: the foreign keys are checked at commit, not per statement.
            migrationBuilder.Sql($"""
                PRAGMA defer_foreign_keys = ON;
                UPDATE ActivityTypes SET Id = Id + {Offset} WHERE Id <= {Offset};
                UPDATE ActivityTypeVersions SET ActivityTypeId = ActivityTypeId + {Offset} WHERE ActivityTypeId <= {Offset};
                UPDATE Activities SET ActivityTypeId = ActivityTypeId + {Offset} WHERE ActivityTypeId <= {Offset};
                UPDATE AuditEntries SET EntityId = CAST(CAST(EntityId AS INTEGER) + {Offset} AS TEXT)
                    WHERE EntityType = 'ActivityType' AND EntityId GLOB '[0-9]*' AND CAST(EntityId AS INTEGER) <= {Offset};
                """);
            migrationBuilder.Sql("""
                INSERT INTO ActivityTypes (Id, ApiName, IsArchived, LiveVersionNumber, DraftEditedBy, ConcurrencyStamp, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy) VALUES (12, 'standard.newLead', 0, 1, NULL, 1, 0, 'system', 0, 'system');
                INSERT INTO ActivityTypeVersions (ActivityTypeId, Number, State, DisplayName, Description, TriggerName, FilterName, CreatedAt, CreatedBy, ApprovedAt, ApprovedBy) VALUES (12, 1, 'Approved', 'New Lead', 'New person/record is added to the lead database', 'Person is Created', 'Was Created', 0, 'system', 0, 'system');
                INSERT INTO ActivityFields (VersionId, ApiName, DisplayName, Description, DataType, IsPrimary, Position) VALUES
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 12 AND Number = 1), 'Lead ID', 'Lead ID', NULL, 'Integer', 1, 0),
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 12 AND Number = 1), 'Created Date', 'Created Date', NULL, 'Date', 0, 1),
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 12 AND Number = 1), 'Form Name', 'Form Name', NULL, 'String', 0, 2),
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 12 AND Number = 1), 'Lead Source', 'Lead Source', NULL, 'String', 0, 3),
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 12 AND Number = 1), 'List Name', 'List Name', NULL, 'String', 0, 4),
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 12 AND Number = 1), 'SFDC Type', 'SFDC Type', NULL, 'String', 0, 5),
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 12 AND Number = 1), 'Source Type', 'Source Type', NULL, 'String', 0, 6);
                INSERT INTO ActivityTypes (Id, ApiName, IsArchived, LiveVersionNumber, DraftEditedBy, ConcurrencyStamp, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy) VALUES (13, 'standard.changeDataValue', 0, 1, NULL, 1, 0, 'system', 0, 'system');
                INSERT INTO ActivityTypeVersions (ActivityTypeId, Number, State, DisplayName, Description, TriggerName, FilterName, CreatedAt, CreatedBy, ApprovedAt, ApprovedBy) VALUES (13, 1, 'Approved', 'Change Data Value', 'Changed attribute value for a person', 'Data Value Changes', 'Data Value Was Changed', 0, 'system', 0, 'system');
                INSERT INTO ActivityFields (VersionId, ApiName, DisplayName, Description, DataType, IsPrimary, Position) VALUES
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 13 AND Number = 1), 'Attribute Name', 'Attribute Name', NULL, 'Integer', 1, 0),
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 13 AND Number = 1), 'New Value', 'New Value', NULL, 'Text', 0, 1),
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 13 AND Number = 1), 'Old Value', 'Old Value', NULL, 'Text', 0, 2),
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 13 AND Number = 1), 'Reason', 'Reason', NULL, 'Text', 0, 3),
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 13 AND Number = 1), 'Source', 'Source', NULL, 'String', 0, 4);
                INSERT INTO ActivityTypes (Id, ApiName, IsArchived, LiveVersionNumber, DraftEditedBy, ConcurrencyStamp, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy) VALUES (24, 'standard.addToList', 0, 1, NULL, 1, 0, 'system', 0, 'system');
                INSERT INTO ActivityTypeVersions (ActivityTypeId, Number, State, DisplayName, Description, TriggerName, FilterName, CreatedAt, CreatedBy, ApprovedAt, ApprovedBy) VALUES (24, 1, 'Approved', 'Add to List', 'Person is added to a list', 'Added to List', 'Member of List', 0, 'system', 0, 'system');
                INSERT INTO ActivityFields (VersionId, ApiName, DisplayName, Description, DataType, IsPrimary, Position) VALUES
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 24 AND Number = 1), 'List ID', 'List ID', NULL, 'Integer', 1, 0);
                INSERT INTO ActivityTypes (Id, ApiName, IsArchived, LiveVersionNumber, DraftEditedBy, ConcurrencyStamp, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy) VALUES (25, 'standard.removeFromList', 0, 1, NULL, 1, 0, 'system', 0, 'system');
                INSERT INTO ActivityTypeVersions (ActivityTypeId, Number, State, DisplayName, Description, TriggerName, FilterName, CreatedAt, CreatedBy, ApprovedAt, ApprovedBy) VALUES (25, 1, 'Approved', 'Remove from List', 'Person is removed from a list', 'Removed from List', 'Not Member of List', 0, 'system', 0, 'system');
                INSERT INTO ActivityFields (VersionId, ApiName, DisplayName, Description, DataType, IsPrimary, Position) VALUES
                    ((SELECT Id FROM ActivityTypeVersions WHERE ActivityTypeId = 25 AND Number = 1), 'List ID', 'List ID', NULL, 'Integer', 1, 0);
                """);
            migrationBuilder.Sql($"""
                UPDATE sqlite_sequence SET seq = MAX(seq, {Offset}) WHERE name = 'ActivityTypes';
                INSERT INTO sqlite_sequence (name, seq) SELECT 'ActivityTypes', {Offset}
                    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'ActivityTypes');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                PRAGMA defer_foreign_keys = ON;
                DELETE FROM Activities WHERE ActivityTypeId < {Offset};
                DELETE FROM ActivityTypes WHERE Id < {Offset};
                UPDATE ActivityTypes SET Id = Id - {Offset} WHERE Id > {Offset};
                UPDATE ActivityTypeVersions SET ActivityTypeId = ActivityTypeId - {Offset} WHERE ActivityTypeId > {Offset};
                UPDATE Activities SET ActivityTypeId = ActivityTypeId - {Offset} WHERE ActivityTypeId > {Offset};
                UPDATE AuditEntries SET EntityId = CAST(CAST(EntityId AS INTEGER) - {Offset} AS TEXT)
                    WHERE EntityType = 'ActivityType' AND EntityId GLOB '[0-9]*' AND CAST(EntityId AS INTEGER) > {Offset};
                UPDATE sqlite_sequence SET seq = (SELECT IFNULL(MAX(Id), 0) FROM ActivityTypes) WHERE name = 'ActivityTypes';
                """);
        }
    }
}
