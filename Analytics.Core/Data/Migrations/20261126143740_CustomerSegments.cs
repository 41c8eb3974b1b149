using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "LastSeen",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "FirstSeen",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AddColumn<int>(
                name: "EngagementScore",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LtvCents",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "OrderCount",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CustomerActivity",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerKey = table.Column<long>(type: "INTEGER", nullable: false),
                    Ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Module = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Dimensions = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerActivity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerActivity_Customers_CustomerKey",
                        column: x => x.CustomerKey,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Segments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    BuiltIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EvaluatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Segments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Segments_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SegmentMembers",
                columns: table => new
                {
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    SegmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerKey = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentMembers", x => new { x.TenantId, x.SegmentId, x.CustomerKey });
                    table.ForeignKey(
                        name: "FK_SegmentMembers_Customers_CustomerKey",
                        column: x => x.CustomerKey,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SegmentMembers_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_EngagementScore",
                table: "Customers",
                columns: new[] { "TenantId", "EngagementScore" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_LastSeen",
                table: "Customers",
                columns: new[] { "TenantId", "LastSeen" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_LtvCents",
                table: "Customers",
                columns: new[] { "TenantId", "LtvCents" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_Name",
                table: "Customers",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerActivity_CustomerKey",
                table: "CustomerActivity",
                column: "CustomerKey");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerActivity_TenantId_CustomerKey_Ticks_Module",
                table: "CustomerActivity",
                columns: new[] { "TenantId", "CustomerKey", "Ticks", "Module" });

            migrationBuilder.CreateIndex(
                name: "IX_SegmentMembers_CustomerKey",
                table: "SegmentMembers",
                column: "CustomerKey");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentMembers_SegmentId",
                table: "SegmentMembers",
                column: "SegmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentMembers_TenantId_CustomerKey",
                table: "SegmentMembers",
                columns: new[] { "TenantId", "CustomerKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Segments_TenantId_Name",
                table: "Segments",
                columns: new[] { "TenantId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerActivity");

            migrationBuilder.DropTable(
                name: "SegmentMembers");

            migrationBuilder.DropTable(
                name: "Segments");

            migrationBuilder.DropIndex(
                name: "IX_Customers_TenantId_EngagementScore",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_TenantId_LastSeen",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_TenantId_LtvCents",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_TenantId_Name",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "EngagementScore",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "LtvCents",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "OrderCount",
                table: "Customers");

            migrationBuilder.AlterColumn<DateTime>(
                name: "LastSeen",
                table: "Customers",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<DateTime>(
                name: "FirstSeen",
                table: "Customers",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");
        }
    }
}
