using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RawEventsWithoutCustomerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MetricEvents_TenantId_CustomerId_Timestamp",
                table: "MetricEvents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MetricEvents_TenantId_CustomerId_Timestamp",
                table: "MetricEvents",
                columns: new[] { "TenantId", "CustomerId", "Timestamp" },
                filter: "CustomerId IS NOT NULL");
        }
    }
}
