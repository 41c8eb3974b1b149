using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TenantRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "Retention_DailyCompleteFromUtc",
                table: "Tenants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Retention_DailyRollupsDays",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Retention_HourlyCompleteFromUtc",
                table: "Tenants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Retention_HourlyRollupsDays",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Retention_RawCompleteFromUtc",
                table: "Tenants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Retention_RawEventsDays",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Retention_DailyCompleteFromUtc",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Retention_DailyRollupsDays",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Retention_HourlyCompleteFromUtc",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Retention_HourlyRollupsDays",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Retention_RawCompleteFromUtc",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Retention_RawEventsDays",
                table: "Tenants");
        }
    }
}
