using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QmsPortal.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ReviewComment",
                table: "DocumentRevision",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "DocumentRevision",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewerId",
                table: "DocumentRevision",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewerName",
                table: "DocumentRevision",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewerTitle",
                table: "DocumentRevision",
                type: "TEXT",
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
