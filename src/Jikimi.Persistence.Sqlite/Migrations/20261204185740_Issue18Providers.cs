using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jikimi.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue18Providers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CloudUsages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ServiceModel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Services = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Regions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudUsages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudUsages_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomProviders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Regions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomProviders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProviderCertificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProviderKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ScopeServices = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ScopeRegions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ControlsCovered = table.Column<int>(type: "INTEGER", nullable: true),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderCertificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderCertificates_Evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProviderCertificates_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CloudUsages_OrganizationId_ProviderKey_ServiceModel",
                table: "CloudUsages",
                columns: new[] { "OrganizationId", "ProviderKey", "ServiceModel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomProviders_Key",
                table: "CustomProviders",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProviderCertificates_EvidenceId",
                table: "ProviderCertificates",
                column: "EvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderCertificates_OrganizationId",
                table: "ProviderCertificates",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderCertificates_ProviderKey_Kind_OrganizationId",
                table: "ProviderCertificates",
                columns: new[] { "ProviderKey", "Kind", "OrganizationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CloudUsages");

            migrationBuilder.DropTable(
                name: "CustomProviders");

            migrationBuilder.DropTable(
                name: "ProviderCertificates");
        }
    }
}
