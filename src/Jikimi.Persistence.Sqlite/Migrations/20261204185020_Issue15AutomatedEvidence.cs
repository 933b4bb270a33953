using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jikimi.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue15AutomatedEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AutomatedRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RuleSetVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Inputs = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RanAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Pass = table.Column<int>(type: "INTEGER", nullable: false),
                    Fail = table.Column<int>(type: "INTEGER", nullable: false),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    NotApplicable = table.Column<int>(type: "INTEGER", nullable: false),
                    Manual = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EvidenceVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomatedRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutomatedRuns_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AutomatedResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomatedResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutomatedResults_AutomatedRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AutomatedRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AutomatedSuggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ControlId = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CheckItemId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Suggested = table.Column<int>(type: "INTEGER", nullable: false),
                    Failing = table.Column<int>(type: "INTEGER", nullable: false),
                    Passing = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomatedSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutomatedSuggestions_AutomatedRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AutomatedRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AutomatedResultControls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ControlId = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CheckItem = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomatedResultControls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutomatedResultControls_AutomatedResults_ResultId",
                        column: x => x.ResultId,
                        principalTable: "AutomatedResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedResultControls_ResultId",
                table: "AutomatedResultControls",
                column: "ResultId");

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedResultControls_RunId_ControlId_CheckItem",
                table: "AutomatedResultControls",
                columns: new[] { "RunId", "ControlId", "CheckItem" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedResults_RunId_Status",
                table: "AutomatedResults",
                columns: new[] { "RunId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedRuns_AssessmentId_Fingerprint",
                table: "AutomatedRuns",
                columns: new[] { "AssessmentId", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedRuns_AssessmentId_RanAt",
                table: "AutomatedRuns",
                columns: new[] { "AssessmentId", "RanAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedRuns_AssessmentId_Source_Label_RanAt",
                table: "AutomatedRuns",
                columns: new[] { "AssessmentId", "Source", "Label", "RanAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedSuggestions_AssessmentId_ControlId_State",
                table: "AutomatedSuggestions",
                columns: new[] { "AssessmentId", "ControlId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomatedSuggestions_RunId",
                table: "AutomatedSuggestions",
                column: "RunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AutomatedResultControls");

            migrationBuilder.DropTable(
                name: "AutomatedSuggestions");

            migrationBuilder.DropTable(
                name: "AutomatedResults");

            migrationBuilder.DropTable(
                name: "AutomatedRuns");
        }
    }
}
