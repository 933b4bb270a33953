using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jikimi.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue19FurtherCorrectionAndAppeal : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
