using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomActivities.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StaticListsAndPrimaryValueId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PrimaryValueId",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StaticLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false, collation: "NOCASE"),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaticLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaticListMembers",
                columns: table => new
                {
                    ListId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_StaticListMembers_PersonId_ListId",
                table: "StaticListMembers",
                columns: new[] { "PersonId", "ListId" });

            migrationBuilder.CreateIndex(
                name: "IX_StaticLists_Name",
                table: "StaticLists",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaticListMembers");

            migrationBuilder.DropTable(
                name: "StaticLists");

            migrationBuilder.DropColumn(
                name: "PrimaryValueId",
                table: "Activities");
        }
    }
}
