using System;
using Microsoft.EntityFrameworkCore.Migrations;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Tenancy;

#nullable disable

namespace QmsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityReview : Migration
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IssuerId",
                table: "DocumentRevision",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuerName",
                table: "DocumentRevision",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuerTitle",
                table: "DocumentRevision",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmitterId",
                table: "DocumentRevision",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastSigningCodeStep",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SigningCodeEnabled",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CommuneCounters",
                columns: table => new
                {
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommuneCounters", x => new { x.TenantId, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "DocumentSignature",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    RevisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RevisionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Meaning = table.Column<int>(type: "INTEGER", nullable: false),
                    SignerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignerRole = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Manifest = table.Column<string>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "MembershipEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommuneCounters_TenantId",
                table: "CommuneCounters",
                column: "TenantId");

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

            migrationBuilder.CreateIndex(
                name: "IX_MembershipEvents_TenantId_At",
                table: "MembershipEvents",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_TenantId_Kind_Reference",
                table: "OutboxMessages",
                columns: new[] { "TenantId", "Kind", "Reference" });

            // Hand-written: evidence tables refuse UPDATE/DELETE in the database too; revisions written before
            // ContributorIds existed get their author and editors from the history.
            SignatureTriggers.Create(migrationBuilder);
            AppendOnlyTriggers.Create(migrationBuilder, MembershipEvent.Table, MembershipEvent.ImmutableMessage);
            RevisionContributorsBackfill.Run(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SignatureTriggers.Drop(migrationBuilder);
            AppendOnlyTriggers.Drop(migrationBuilder, MembershipEvent.Table);

            migrationBuilder.DropTable(
                name: "CommuneCounters");

            migrationBuilder.DropTable(
                name: "DocumentSignature");

            migrationBuilder.DropTable(
                name: "MembershipEvents");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

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
