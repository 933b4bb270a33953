using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jikimi.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue17ProcessingSystems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProcessingSystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DataSubjects = table.Column<long>(type: "bigint", nullable: false),
                    UniqueIdentifiers = table.Column<bool>(type: "boolean", nullable: false),
                    SensitiveData = table.Column<bool>(type: "boolean", nullable: false),
                    TelecomCarrier = table.Column<bool>(type: "boolean", nullable: false),
                    LongerRetentionMonths = table.Column<int>(type: "integer", nullable: true),
                    Format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Mapping = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AllowedSources = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingSystems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessingSystems_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingSystems_OrganizationId_Name",
                table: "ProcessingSystems",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcessingSystems");
        }
    }
}
