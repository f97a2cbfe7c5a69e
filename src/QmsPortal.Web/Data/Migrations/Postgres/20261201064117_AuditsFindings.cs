using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QmsPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditsFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Findings_FeedbackId",
                table: "Findings");

            migrationBuilder.AddColumn<string>(
                name: "FindingReference",
                table: "TthcFeedback",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_FeedbackId",
                table: "Findings",
                column: "FeedbackId",
                unique: true);

            Features.Audits.Findings.CorrectiveActionHistory.Protect(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Features.Audits.Findings.CorrectiveActionHistory.Unprotect(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_Findings_FeedbackId",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "FindingReference",
                table: "TthcFeedback");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_FeedbackId",
                table: "Findings",
                column: "FeedbackId");
        }
    }
}
