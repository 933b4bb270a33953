using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jikimi.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue17To19SegmentsCorrectionAppeal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FurtherCorrectionDueOn",
                table: "Findings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FurtherCorrectionNote",
                table: "Findings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FurtherCorrectionRequestedOn",
                table: "Findings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppealNote",
                table: "Audits",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AppealedOn",
                table: "Audits",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessRecordChainHeads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    ChainHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRecordChainHeads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessRecordChainHeads_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccessRecordChainHeads_ProcessingSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "ProcessingSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessRecordSegments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    IngestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Records = table.Column<long>(type: "bigint", nullable: false),
                    MissingAccount = table.Column<long>(type: "bigint", nullable: false),
                    MissingTime = table.Column<long>(type: "bigint", nullable: false),
                    MissingSource = table.Column<long>(type: "bigint", nullable: false),
                    MissingSubject = table.Column<long>(type: "bigint", nullable: false),
                    MissingAction = table.Column<long>(type: "bigint", nullable: false),
                    Path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RawPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RawBytes = table.Column<long>(type: "bigint", nullable: false),
                    RawSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChainHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    PurgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PurgedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRecordSegments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessRecordSegments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccessRecordSegments_ProcessingSystems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "ProcessingSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRecordChainHeads_OrganizationId",
                table: "AccessRecordChainHeads",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessRecordChainHeads_SystemId_Sequence",
                table: "AccessRecordChainHeads",
                columns: new[] { "SystemId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessRecordSegments_OrganizationId_SystemId_Day",
                table: "AccessRecordSegments",
                columns: new[] { "OrganizationId", "SystemId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRecordSegments_SystemId_Sequence",
                table: "AccessRecordSegments",
                columns: new[] { "SystemId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessRecordChainHeads");

            migrationBuilder.DropTable(
                name: "AccessRecordSegments");

            migrationBuilder.DropColumn(
                name: "FurtherCorrectionDueOn",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "FurtherCorrectionNote",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "FurtherCorrectionRequestedOn",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "AppealNote",
                table: "Audits");

            migrationBuilder.DropColumn(
                name: "AppealedOn",
                table: "Audits");
        }
    }
}
