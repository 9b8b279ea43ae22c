using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CustomActivities.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:citext", ",,");

            migrationBuilder.CreateTable(
                name: "ActivityTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:IdentitySequenceOptions", "'100001', '1', '', '', 'False', '1'")
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApiName = table.Column<string>(type: "citext", maxLength: 255, nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    LiveVersionNumber = table.Column<int>(type: "integer", nullable: true),
                    DraftEditedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiClients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Permission = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true),
                    SecretRotatedAt = table.Column<long>(type: "bigint", nullable: true),
                    LastUsedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiClients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DeactivatedAt = table.Column<long>(type: "bigint", nullable: true),
                    PreferredCulture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<long>(type: "bigint", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAt = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Email = table.Column<string>(type: "citext", maxLength: 255, nullable: false),
                    FirstName = table.Column<string>(type: "citext", maxLength: 255, nullable: true),
                    LastName = table.Column<string>(type: "citext", maxLength: 255, nullable: true),
                    Company = table.Column<string>(type: "citext", maxLength: 255, nullable: true),
                    LastActivityAt = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmartLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 255, nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmartLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaticLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "citext", maxLength: 255, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaticLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActivityTypeVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityTypeId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TriggerName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    FilterName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApprovedAt = table.Column<long>(type: "bigint", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityTypeVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityTypeVersions_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiAccessTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApiClientId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProtectedToken = table.Column<string>(type: "text", nullable: false),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiAccessTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiAccessTokens_ApiClients_ApiClientId",
                        column: x => x.ApiClientId,
                        principalTable: "ApiClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiClientUsage",
                columns: table => new
                {
                    ApiClientId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Calls = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiClientUsage", x => new { x.ApiClientId, x.Day });
                    table.ForeignKey(
                        name: "FK_ApiClientUsage_ApiClients_ApiClientId",
                        column: x => x.ApiClientId,
                        principalTable: "ApiClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdempotentCalls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApiClientId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Response = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotentCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdempotentCalls_ApiClients_ApiClientId",
                        column: x => x.ApiClientId,
                        principalTable: "ApiClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    ActivityTypeId = table.Column<int>(type: "integer", nullable: false),
                    TypeVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    OccurredAt = table.Column<long>(type: "bigint", nullable: false),
                    PrimaryValue = table.Column<string>(type: "text", nullable: true),
                    PrimaryValueId = table.Column<long>(type: "bigint", nullable: true),
                    Attributes = table.Column<string>(type: "jsonb", nullable: true),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Activities_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activities_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaticListMembers",
                columns: table => new
                {
                    ListId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaticListMembers", x => new { x.ListId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_StaticListMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaticListMembers_StaticLists_ListId",
                        column: x => x.ListId,
                        principalTable: "StaticLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    ApiName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DataType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IsPrimary = table.Column<bool>(type: "boolean", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityFields_ActivityTypeVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ActivityTypeVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Person_Timeline",
                table: "Activities",
                columns: new[] { "PersonId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Person_Type_Timeline",
                table: "Activities",
                columns: new[] { "PersonId", "ActivityTypeId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Time",
                table: "Activities",
                columns: new[] { "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Type_Time",
                table: "Activities",
                columns: new[] { "ActivityTypeId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityFields_VersionId_ApiName",
                table: "ActivityFields",
                columns: new[] { "VersionId", "ApiName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityTypes_ApiName",
                table: "ActivityTypes",
                column: "ApiName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityTypeVersions_ActivityTypeId_Number",
                table: "ActivityTypeVersions",
                columns: new[] { "ActivityTypeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiAccessTokens_ApiClientId_ExpiresAt",
                table: "ApiAccessTokens",
                columns: new[] { "ApiClientId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiAccessTokens_TokenHash",
                table: "ApiAccessTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiClients_ClientId",
                table: "ApiClients",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Actor_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "Actor", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredAt",
                table: "AuditEntries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentCalls_ApiClientId_Key",
                table: "IdempotentCalls",
                columns: new[] { "ApiClientId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentCalls_CreatedAt",
                table: "IdempotentCalls",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_People_Company",
                table: "People",
                column: "Company");

            migrationBuilder.CreateIndex(
                name: "IX_People_CreatedAt",
                table: "People",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                table: "People",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_FirstName",
                table: "People",
                column: "FirstName");

            migrationBuilder.CreateIndex(
                name: "IX_People_LastActivityAt",
                table: "People",
                column: "LastActivityAt");

            migrationBuilder.CreateIndex(
                name: "IX_People_LastName",
                table: "People",
                column: "LastName");

            migrationBuilder.CreateIndex(
                name: "IX_SmartLists_Name",
                table: "SmartLists",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaticListMembers_PersonId_ListId",
                table: "StaticListMembers",
                columns: new[] { "PersonId", "ListId" });

            migrationBuilder.CreateIndex(
                name: "IX_StaticLists_Name",
                table: "StaticLists",
                column: "Name",
                unique: true);

            // Marketo's standard types New Lead (12), Change Data Value (13), Add to List (24) and Remove from List (25),
            // approved, as the SQLite migration StandardActivityTypesAndCustomTypeIdsFrom100001 seeds them; custom types
            // take ids from 100001 (the identity's start).
            migrationBuilder.Sql("""
                INSERT INTO "ActivityTypes" ("Id", "ApiName", "IsArchived", "LiveVersionNumber", "DraftEditedBy", "ConcurrencyStamp", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy") VALUES (12, 'standard.newLead', FALSE, 1, NULL, 1, 0, 'system', 0, 'system');
                INSERT INTO "ActivityTypeVersions" ("ActivityTypeId", "Number", "State", "DisplayName", "Description", "TriggerName", "FilterName", "CreatedAt", "CreatedBy", "ApprovedAt", "ApprovedBy") VALUES (12, 1, 'Approved', 'New Lead', 'New person/record is added to the lead database', 'Person is Created', 'Was Created', 0, 'system', 0, 'system');
                INSERT INTO "ActivityFields" ("VersionId", "ApiName", "DisplayName", "Description", "DataType", "IsPrimary", "Position") VALUES
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 12 AND "Number" = 1), 'Lead ID', 'Lead ID', NULL, 'Integer', TRUE, 0),
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 12 AND "Number" = 1), 'Created Date', 'Created Date', NULL, 'Date', FALSE, 1),
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 12 AND "Number" = 1), 'Form Name', 'Form Name', NULL, 'String', FALSE, 2),
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 12 AND "Number" = 1), 'Lead Source', 'Lead Source', NULL, 'String', FALSE, 3),
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 12 AND "Number" = 1), 'List Name', 'List Name', NULL, 'String', FALSE, 4),
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 12 AND "Number" = 1), 'SFDC Type', 'SFDC Type', NULL, 'String', FALSE, 5),
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 12 AND "Number" = 1), 'Source Type', 'Source Type', NULL, 'String', FALSE, 6);
                INSERT INTO "ActivityTypes" ("Id", "ApiName", "IsArchived", "LiveVersionNumber", "DraftEditedBy", "ConcurrencyStamp", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy") VALUES (13, 'standard.changeDataValue', FALSE, 1, NULL, 1, 0, 'system', 0, 'system');
                INSERT INTO "ActivityTypeVersions" ("ActivityTypeId", "Number", "State", "DisplayName", "Description", "TriggerName", "FilterName", "CreatedAt", "CreatedBy", "ApprovedAt", "ApprovedBy") VALUES (13, 1, 'Approved', 'Change Data Value', 'Changed attribute value for a person', 'Data Value Changes', 'Data Value Was Changed', 0, 'system', 0, 'system');
                INSERT INTO "ActivityFields" ("VersionId", "ApiName", "DisplayName", "Description", "DataType", "IsPrimary", "Position") VALUES
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 13 AND "Number" = 1), 'Attribute Name', 'Attribute Name', NULL, 'Integer', TRUE, 0),
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 13 AND "Number" = 1), 'New Value', 'New Value', NULL, 'Text', FALSE, 1),
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 13 AND "Number" = 1), 'Old Value', 'Old Value', NULL, 'Text', FALSE, 2),
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 13 AND "Number" = 1), 'Reason', 'Reason', NULL, 'Text', FALSE, 3),
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 13 AND "Number" = 1), 'Source', 'Source', NULL, 'String', FALSE, 4);
                INSERT INTO "ActivityTypes" ("Id", "ApiName", "IsArchived", "LiveVersionNumber", "DraftEditedBy", "ConcurrencyStamp", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy") VALUES (24, 'standard.addToList', FALSE, 1, NULL, 1, 0, 'system', 0, 'system');
                INSERT INTO "ActivityTypeVersions" ("ActivityTypeId", "Number", "State", "DisplayName", "Description", "TriggerName", "FilterName", "CreatedAt", "CreatedBy", "ApprovedAt", "ApprovedBy") VALUES (24, 1, 'Approved', 'Add to List', 'Person is added to a list', 'Added to List', 'Member of List', 0, 'system', 0, 'system');
                INSERT INTO "ActivityFields" ("VersionId", "ApiName", "DisplayName", "Description", "DataType", "IsPrimary", "Position") VALUES
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 24 AND "Number" = 1), 'List ID', 'List ID', NULL, 'Integer', TRUE, 0);
                INSERT INTO "ActivityTypes" ("Id", "ApiName", "IsArchived", "LiveVersionNumber", "DraftEditedBy", "ConcurrencyStamp", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy") VALUES (25, 'standard.removeFromList', FALSE, 1, NULL, 1, 0, 'system', 0, 'system');
                INSERT INTO "ActivityTypeVersions" ("ActivityTypeId", "Number", "State", "DisplayName", "Description", "TriggerName", "FilterName", "CreatedAt", "CreatedBy", "ApprovedAt", "ApprovedBy") VALUES (25, 1, 'Approved', 'Remove from List', 'Person is removed from a list', 'Removed from List', 'Not Member of List', 0, 'system', 0, 'system');
                INSERT INTO "ActivityFields" ("VersionId", "ApiName", "DisplayName", "Description", "DataType", "IsPrimary", "Position") VALUES
                    ((SELECT "Id" FROM "ActivityTypeVersions" WHERE "ActivityTypeId" = 25 AND "Number" = 1), 'List ID', 'List ID', NULL, 'Integer', TRUE, 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "ActivityFields");

            migrationBuilder.DropTable(
                name: "ApiAccessTokens");

            migrationBuilder.DropTable(
                name: "ApiClientUsage");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "IdempotentCalls");

            migrationBuilder.DropTable(
                name: "SmartLists");

            migrationBuilder.DropTable(
                name: "StaticListMembers");

            migrationBuilder.DropTable(
                name: "ActivityTypeVersions");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ApiClients");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "StaticLists");

            migrationBuilder.DropTable(
                name: "ActivityTypes");
        }
    }
}
