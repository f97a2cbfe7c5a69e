using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QmsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Tthc : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogueProcedure",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Aliases = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueProcedure", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TthcFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TthcFeedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TthcFormFile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TthcFormFile", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CatalogueVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CatalogueProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Rescinded = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogueVersion_CatalogueProcedure_CatalogueProcedureId",
                        column: x => x.CatalogueProcedureId,
                        principalTable: "CatalogueProcedure",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TthcPosting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogueProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CurrentRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimeSummary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FeeSummary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Room = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OfficeHours = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LocalFeeNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WorkProcedureCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    InIsoScope = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TthcPosting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TthcPosting_CatalogueProcedure_CatalogueProcedureId",
                        column: x => x.CatalogueProcedureId,
                        principalTable: "CatalogueProcedure",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TthcPostingRevision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    TthcPostingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogueVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogueVersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TthcPostingRevision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TthcPostingRevision_CatalogueVersion_CatalogueVersionId",
                        column: x => x.CatalogueVersionId,
                        principalTable: "CatalogueVersion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TthcPostingRevision_TthcPosting_TthcPostingId",
                        column: x => x.TthcPostingId,
                        principalTable: "TthcPosting",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueProcedure_ProvinceCode_Code",
                table: "CatalogueProcedure",
                columns: new[] { "ProvinceCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueVersion_CatalogueProcedureId_Number",
                table: "CatalogueVersion",
                columns: new[] { "CatalogueProcedureId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TthcFeedback_TenantId",
                table: "TthcFeedback",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TthcFeedback_TenantId_Reference",
                table: "TthcFeedback",
                columns: new[] { "TenantId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TthcFormFile_ProvinceCode_Sha256",
                table: "TthcFormFile",
                columns: new[] { "ProvinceCode", "Sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TthcPosting_CatalogueProcedureId",
                table: "TthcPosting",
                column: "CatalogueProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_TthcPosting_TenantId",
                table: "TthcPosting",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TthcPosting_TenantId_Code",
                table: "TthcPosting",
                columns: new[] { "TenantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TthcPostingRevision_CatalogueVersionId",
                table: "TthcPostingRevision",
                column: "CatalogueVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_TthcPostingRevision_TenantId",
                table: "TthcPostingRevision",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TthcPostingRevision_TthcPostingId_Number",
                table: "TthcPostingRevision",
                columns: new[] { "TthcPostingId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TthcFeedback");

            migrationBuilder.DropTable(
                name: "TthcFormFile");

            migrationBuilder.DropTable(
                name: "TthcPostingRevision");

            migrationBuilder.DropTable(
                name: "CatalogueVersion");

            migrationBuilder.DropTable(
                name: "TthcPosting");

            migrationBuilder.DropTable(
                name: "CatalogueProcedure");
        }
    }
}
