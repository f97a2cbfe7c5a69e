using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QmsPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DocumentReviewStep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DocumentReviewRequired",
                table: "Tenants",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "DocumentRevision",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "DocumentRevision",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewerId",
                table: "DocumentRevision",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewerName",
                table: "DocumentRevision",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewerTitle",
                table: "DocumentRevision",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DocumentReviewRequired",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "ReviewComment",
                table: "DocumentRevision");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "DocumentRevision");

            migrationBuilder.DropColumn(
                name: "ReviewerId",
                table: "DocumentRevision");

            migrationBuilder.DropColumn(
                name: "ReviewerName",
                table: "DocumentRevision");

            migrationBuilder.DropColumn(
                name: "ReviewerTitle",
                table: "DocumentRevision");
        }
    }
}
