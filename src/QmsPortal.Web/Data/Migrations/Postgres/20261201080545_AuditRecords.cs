using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace QmsPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FindingReference",
                table: "TthcFeedback",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordPath",
                table: "IsoEvidence",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditProgrammes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    Clause = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IsStarter = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistQuestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeskStatistics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    OnTime = table.Column<int>(type: "integer", nullable: false),
                    Late = table.Column<int>(type: "integer", nullable: false),
                    Apologies = table.Column<int>(type: "integer", nullable: false),
                    Satisfied = table.Column<int>(type: "integer", nullable: false),
                    Surveyed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskStatistics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ManagementReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ChairId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ChairName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ChairTitle = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Participants = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    InputsSnapshot = table.Column<string>(type: "text", nullable: false),
                    Risks = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Discussion = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ImprovementOpportunities = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    QmsChanges = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ResourceNeeds = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagementReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProvinceInspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MinutesDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Inspectors = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OnSite = table.Column<bool>(type: "boolean", nullable: false),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReportDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportSubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvinceInspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QualityObjectives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Indicator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Target = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Measure = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityObjectives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Audits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScopeDocuments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ScopeTthc = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ScopeClauses = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LeadAuditorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    LeadAuditorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Team = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OpeningMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosingMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Participants = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportSignedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReportSignedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReportSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Audits_AuditProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "AuditProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EffectivenessConfirmations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    ConfirmedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ApproverId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ApproverName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApproverTitle = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Statement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReviewId = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EffectivenessConfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EffectivenessConfirmations_ManagementReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ManagementReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewActions_ManagementReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ManagementReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ObjectiveValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    ObjectiveId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectiveValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObjectiveValues_QualityObjectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "QualityObjectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    AuditId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Clause = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Result = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditAnswers_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Clause = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Source = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    AuditId = table.Column<int>(type: "integer", nullable: true),
                    AuditAnswerId = table.Column<int>(type: "integer", nullable: true),
                    FeedbackId = table.Column<int>(type: "integer", nullable: true),
                    InspectionId = table.Column<int>(type: "integer", nullable: true),
                    RaisedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RaisedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Findings_ProvinceInspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "ProvinceInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    AuditId = table.Column<int>(type: "integer", nullable: false),
                    AnswerId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    ContentKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditEvidenceFiles_AuditAnswers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "AuditAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CorrectiveActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    FindingId = table.Column<int>(type: "integer", nullable: false),
                    Correction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RootCause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Action = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SuccessCriteria = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CheckAfterDays = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletionEvidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CheckDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CheckedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CheckNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectiveActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectiveActions_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CorrectiveActionEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CorrectiveActionId = table.Column<int>(type: "integer", nullable: false),
                    Change = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectiveActionEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectiveActionEvents_CorrectiveActions_CorrectiveActionId",
                        column: x => x.CorrectiveActionId,
                        principalTable: "CorrectiveActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IsoEvidence_TenantId_Kind_Date",
                table: "IsoEvidence",
                columns: new[] { "TenantId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditAnswers_AuditId",
                table: "AuditAnswers",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditAnswers_TenantId",
                table: "AuditAnswers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvidenceFiles_AnswerId",
                table: "AuditEvidenceFiles",
                column: "AnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvidenceFiles_AuditId",
                table: "AuditEvidenceFiles",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvidenceFiles_TenantId",
                table: "AuditEvidenceFiles",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditProgrammes_TenantId",
                table: "AuditProgrammes",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditProgrammes_TenantId_Year",
                table: "AuditProgrammes",
                columns: new[] { "TenantId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Audits_ProgrammeId",
                table: "Audits",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Audits_TenantId",
                table: "Audits",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Audits_TenantId_Status_Year_Month",
                table: "Audits",
                columns: new[] { "TenantId", "Status", "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistQuestions_TenantId",
                table: "ChecklistQuestions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActionEvents_CorrectiveActionId",
                table: "CorrectiveActionEvents",
                column: "CorrectiveActionId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActionEvents_TenantId",
                table: "CorrectiveActionEvents",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_FindingId",
                table: "CorrectiveActions",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_TenantId",
                table: "CorrectiveActions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_TenantId_Status_CheckDueDate",
                table: "CorrectiveActions",
                columns: new[] { "TenantId", "Status", "CheckDueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_TenantId_Status_DueDate",
                table: "CorrectiveActions",
                columns: new[] { "TenantId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DeskStatistics_TenantId",
                table: "DeskStatistics",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_DeskStatistics_TenantId_Month",
                table: "DeskStatistics",
                columns: new[] { "TenantId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EffectivenessConfirmations_ReviewId",
                table: "EffectivenessConfirmations",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_EffectivenessConfirmations_TenantId",
                table: "EffectivenessConfirmations",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_AuditId",
                table: "Findings",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_FeedbackId",
                table: "Findings",
                column: "FeedbackId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_InspectionId",
                table: "Findings",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_TenantId",
                table: "Findings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_TenantId_Reference",
                table: "Findings",
                columns: new[] { "TenantId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_TenantId_Status_Grade",
                table: "Findings",
                columns: new[] { "TenantId", "Status", "Grade" });

            migrationBuilder.CreateIndex(
                name: "IX_ManagementReviews_TenantId",
                table: "ManagementReviews",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ManagementReviews_TenantId_Status_HeldOn",
                table: "ManagementReviews",
                columns: new[] { "TenantId", "Status", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveValues_ObjectiveId_Month",
                table: "ObjectiveValues",
                columns: new[] { "ObjectiveId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObjectiveValues_TenantId",
                table: "ObjectiveValues",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ProvinceInspections_TenantId",
                table: "ProvinceInspections",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ProvinceInspections_TenantId_ReportSubmittedOn_ReportDueDate",
                table: "ProvinceInspections",
                columns: new[] { "TenantId", "ReportSubmittedOn", "ReportDueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityObjectives_TenantId",
                table: "QualityObjectives",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewActions_ReviewId",
                table: "ReviewActions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewActions_TenantId",
                table: "ReviewActions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewActions_TenantId_DoneOn_DueDate",
                table: "ReviewActions",
                columns: new[] { "TenantId", "DoneOn", "DueDate" });

            // The history of corrective actions is evidence: raw UPDATE and DELETE are refused by the database too.
            Features.Audits.Findings.CorrectiveActionHistory.Protect(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Features.Audits.Findings.CorrectiveActionHistory.Unprotect(migrationBuilder);

            migrationBuilder.DropTable(
                name: "AuditEvidenceFiles");

            migrationBuilder.DropTable(
                name: "ChecklistQuestions");

            migrationBuilder.DropTable(
                name: "CorrectiveActionEvents");

            migrationBuilder.DropTable(
                name: "DeskStatistics");

            migrationBuilder.DropTable(
                name: "EffectivenessConfirmations");

            migrationBuilder.DropTable(
                name: "ObjectiveValues");

            migrationBuilder.DropTable(
                name: "ReviewActions");

            migrationBuilder.DropTable(
                name: "AuditAnswers");

            migrationBuilder.DropTable(
                name: "CorrectiveActions");

            migrationBuilder.DropTable(
                name: "QualityObjectives");

            migrationBuilder.DropTable(
                name: "ManagementReviews");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "Audits");

            migrationBuilder.DropTable(
                name: "ProvinceInspections");

            migrationBuilder.DropTable(
                name: "AuditProgrammes");

            migrationBuilder.DropIndex(
                name: "IX_IsoEvidence_TenantId_Kind_Date",
                table: "IsoEvidence");

            migrationBuilder.DropColumn(
                name: "FindingReference",
                table: "TthcFeedback");

            migrationBuilder.DropColumn(
                name: "RecordPath",
                table: "IsoEvidence");
        }
    }
}
