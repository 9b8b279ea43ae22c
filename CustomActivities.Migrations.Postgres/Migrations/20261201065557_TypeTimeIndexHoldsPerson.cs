using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomActivities.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TypeTimeIndexHoldsPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_Type_Time",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Type_Time",
                table: "Activities",
                columns: new[] { "ActivityTypeId", "OccurredAt", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_Type_Time",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Type_Time",
                table: "Activities",
                columns: new[] { "ActivityTypeId", "OccurredAt" });
        }
    }
}
