using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jikimi.Persistence.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DataSubjects = table.Column<long>(type: "INTEGER", nullable: false),
                    UniqueIdentifiers = table.Column<bool>(type: "INTEGER", nullable: false),
                    SensitiveData = table.Column<bool>(type: "INTEGER", nullable: false),
                    TelecomCarrier = table.Column<bool>(type: "INTEGER", nullable: false),
                    LongerRetentionMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Mapping = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AllowedSources = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
