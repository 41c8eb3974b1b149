using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CustomerSettlementAndTenantRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customeractivity_customerkey",
                table: "customeractivity");

            migrationBuilder.DropIndex(
                name: "ix_customeractivity_tenantid_customerkey_ticks_module",
                table: "customeractivity");

            migrationBuilder.AddColumn<DateTime>(
                name: "dailycompletefromutc",
                table: "tenants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "dailyrollupsdays",
                table: "tenants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "hourlycompletefromutc",
                table: "tenants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "hourlyrollupsdays",
                table: "tenants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "rawcompletefromutc",
                table: "tenants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "raweventsdays",
                table: "tenants",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "customersettlement",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    lastactivityid = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customersettlement", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customeractivity_customerkey_ticks_module_tenantid",
                table: "customeractivity",
                columns: new[] { "customerkey", "ticks", "module", "tenantid" });

            // Activity already in the database was applied to its profiles by ingest itself.
            migrationBuilder.Sql("INSERT INTO customersettlement (id, lastactivityid) SELECT 1, coalesce(max(id), 0) FROM customeractivity;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customersettlement");

            migrationBuilder.DropIndex(
                name: "ix_customeractivity_customerkey_ticks_module_tenantid",
                table: "customeractivity");

            migrationBuilder.DropColumn(
                name: "dailycompletefromutc",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "dailyrollupsdays",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "hourlycompletefromutc",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "hourlyrollupsdays",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "rawcompletefromutc",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "raweventsdays",
                table: "tenants");

            migrationBuilder.CreateIndex(
                name: "ix_customeractivity_customerkey",
                table: "customeractivity",
                column: "customerkey");

            migrationBuilder.CreateIndex(
                name: "ix_customeractivity_tenantid_customerkey_ticks_module",
                table: "customeractivity",
                columns: new[] { "tenantid", "customerkey", "ticks", "module" });
        }
    }
}
