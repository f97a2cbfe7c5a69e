using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QmsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReminderNoticeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReminderNotices_TenantId_PassDate",
                table: "ReminderNotices");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderNotices_PassDate",
                table: "ReminderNotices",
                column: "PassDate");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderNotices_Step",
                table: "ReminderNotices",
                column: "Step");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReminderNotices_PassDate",
                table: "ReminderNotices");

            migrationBuilder.DropIndex(
                name: "IX_ReminderNotices_Step",
                table: "ReminderNotices");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderNotices_TenantId_PassDate",
                table: "ReminderNotices",
                columns: new[] { "TenantId", "PassDate" });
        }
    }
}
