using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerSettlement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerActivity_CustomerKey",
                table: "CustomerActivity");

            migrationBuilder.DropIndex(
                name: "IX_CustomerActivity_TenantId_CustomerKey_Ticks_Module",
                table: "CustomerActivity");

            migrationBuilder.CreateTable(
                name: "CustomerSettlement",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastActivityId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerSettlement", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerActivity_CustomerKey_Ticks_Module_TenantId",
                table: "CustomerActivity",
                columns: new[] { "CustomerKey", "Ticks", "Module", "TenantId" });

            // Activity already in the database was applied to its profiles by ingest itself.
            migrationBuilder.Sql("INSERT INTO CustomerSettlement (Id, LastActivityId) SELECT 1, coalesce(max(Id), 0) FROM CustomerActivity;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerSettlement");

            migrationBuilder.DropIndex(
                name: "IX_CustomerActivity_CustomerKey_Ticks_Module_TenantId",
                table: "CustomerActivity");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerActivity_CustomerKey",
                table: "CustomerActivity",
                column: "CustomerKey");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerActivity_TenantId_CustomerKey_Ticks_Module",
                table: "CustomerActivity",
                columns: new[] { "TenantId", "CustomerKey", "Ticks", "Module" });
        }
    }
}
