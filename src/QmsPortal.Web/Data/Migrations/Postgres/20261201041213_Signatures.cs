using System;
using Microsoft.EntityFrameworkCore.Migrations;
using QmsPortal.Web.Features.Documents.Signatures;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace QmsPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Signatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ReviewerTitle",
                table: "DocumentRevision",
                newName: "SubmitterTitle");

            migrationBuilder.RenameColumn(
                name: "ReviewerName",
                table: "DocumentRevision",
                newName: "SubmitterName");

            migrationBuilder.AddColumn<string>(
                name: "ContributorIds",
                table: "DocumentRevision",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IssuerId",
                table: "DocumentRevision",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuerName",
                table: "DocumentRevision",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuerTitle",
                table: "DocumentRevision",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmitterId",
                table: "DocumentRevision",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastSigningCodeStep",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SigningCodeEnabled",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DocumentSignature",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    RevisionId = table.Column<int>(type: "integer", nullable: false),
                    RevisionNumber = table.Column<int>(type: "integer", nullable: false),
                    Meaning = table.Column<int>(type: "integer", nullable: false),
                    SignerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignerRole = table.Column<int>(type: "integer", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    Digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Manifest = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentSignature", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentSignature_ControlledDocument_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "ControlledDocument",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DocumentSignature_DocumentRevision_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "DocumentRevision",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignature_DocumentId",
                table: "DocumentSignature",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignature_RevisionId_Meaning",
                table: "DocumentSignature",
                columns: new[] { "RevisionId", "Meaning" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignature_TenantId",
                table: "DocumentSignature",
                column: "TenantId");

            // Hand-written SQL lives in the feature so a regenerated migration can call it again.
            SignatureTriggers.Create(migrationBuilder);
            RevisionContributorsBackfill.Run(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SignatureTriggers.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "DocumentSignature");

            migrationBuilder.DropColumn(
                name: "ContributorIds",
                table: "DocumentRevision");

            migrationBuilder.DropColumn(
                name: "IssuerId",
                table: "DocumentRevision");

            migrationBuilder.DropColumn(
                name: "IssuerName",
                table: "DocumentRevision");

            migrationBuilder.DropColumn(
                name: "IssuerTitle",
                table: "DocumentRevision");

            migrationBuilder.DropColumn(
                name: "SubmitterId",
                table: "DocumentRevision");

            migrationBuilder.DropColumn(
                name: "LastSigningCodeStep",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SigningCodeEnabled",
                table: "AspNetUsers");

            migrationBuilder.RenameColumn(
                name: "SubmitterTitle",
                table: "DocumentRevision",
                newName: "ReviewerTitle");

            migrationBuilder.RenameColumn(
                name: "SubmitterName",
                table: "DocumentRevision",
                newName: "ReviewerName");
        }
    }
}
