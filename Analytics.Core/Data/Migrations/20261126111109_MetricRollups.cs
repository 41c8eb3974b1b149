using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MetricRollups : Migration
    {
        /// <inheritdoc />
        // Rollups and the catalog are written and read with plain SQL (see MetricStore), clustered by series and
        // bucket in WITHOUT ROWID tables, so they are not part of the EF model.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "MetricRollupsHourly", "MetricRollupsDaily" })
            {
                migrationBuilder.Sql($"""
                    CREATE TABLE {table} (
                        TenantId INTEGER NOT NULL REFERENCES Tenants (Id) ON DELETE CASCADE,
                        Name TEXT NOT NULL,
                        DimKey TEXT NOT NULL,
                        DimValue TEXT NOT NULL,
                        Bucket INTEGER NOT NULL,
                        Module TEXT NOT NULL,
                        Count INTEGER NOT NULL,
                        Sum REAL NOT NULL,
                        Min REAL NOT NULL,
                        Max REAL NOT NULL,
                        Last REAL NOT NULL,
                        LastTicks INTEGER NOT NULL,
                        PRIMARY KEY (TenantId, Name, DimKey, DimValue, Bucket, Module)
                    ) WITHOUT ROWID;
                    """);
            }
            migrationBuilder.Sql("""
                CREATE TABLE MetricCatalog (
                    TenantId INTEGER NOT NULL REFERENCES Tenants (Id) ON DELETE CASCADE,
                    Name TEXT NOT NULL,
                    Module TEXT NOT NULL,
                    DimKey TEXT NOT NULL,
                    DimValue TEXT NOT NULL,
                    LastTicks INTEGER NOT NULL,
                    PRIMARY KEY (TenantId, Name, Module, DimKey, DimValue)
                ) WITHOUT ROWID;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE MetricCatalog;");
            migrationBuilder.Sql("DROP TABLE MetricRollupsDaily;");
            migrationBuilder.Sql("DROP TABLE MetricRollupsHourly;");
        }
    }
}
