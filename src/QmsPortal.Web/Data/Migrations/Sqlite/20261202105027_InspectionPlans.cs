using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QmsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InspectionPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanItemId",
                table: "ProvinceInspections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InspectionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionPlans_Provinces_ProvinceCode",
                        column: x => x.ProvinceCode,
                        principalTable: "Provinces",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionPlanItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    OnSite = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlannedMonth = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionPlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionPlanItems_InspectionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "InspectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectionPlanItems_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProvinceInspections_PlanItemId",
                table: "ProvinceInspections",
                column: "PlanItemId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPlanItems_PlanId_TenantId",
                table: "InspectionPlanItems",
                columns: new[] { "PlanId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPlanItems_TenantId",
                table: "InspectionPlanItems",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPlans_ProvinceCode_Year",
                table: "InspectionPlans",
                columns: new[] { "ProvinceCode", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InspectionPlanItems");

            migrationBuilder.DropTable(
                name: "InspectionPlans");

            migrationBuilder.DropIndex(
                name: "IX_ProvinceInspections_PlanItemId",
                table: "ProvinceInspections");

            migrationBuilder.DropColumn(
                name: "PlanItemId",
                table: "ProvinceInspections");
        }
    }
}
