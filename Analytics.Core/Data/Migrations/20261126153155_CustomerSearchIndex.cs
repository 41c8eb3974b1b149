using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Analytics.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Substring search over names and emails without reading every profile: an FTS5 trigram index kept in
            // step with Customers by triggers (the ingest path updates figures only, which fires none of them).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE CustomerSearch USING fts5(Name, Email, content='Customers', content_rowid='Id', tokenize='trigram');");
            migrationBuilder.Sql("""
                CREATE TRIGGER Customers_search_insert AFTER INSERT ON Customers BEGIN
                    INSERT INTO CustomerSearch (rowid, Name, Email) VALUES (new.Id, new.Name, new.Email);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Customers_search_delete AFTER DELETE ON Customers BEGIN
                    INSERT INTO CustomerSearch (CustomerSearch, rowid, Name, Email) VALUES ('delete', old.Id, old.Name, old.Email);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Customers_search_update AFTER UPDATE OF Name, Email ON Customers BEGIN
                    INSERT INTO CustomerSearch (CustomerSearch, rowid, Name, Email) VALUES ('delete', old.Id, old.Name, old.Email);
                    INSERT INTO CustomerSearch (rowid, Name, Email) VALUES (new.Id, new.Name, new.Email);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO CustomerSearch (CustomerSearch) VALUES ('rebuild');");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_search_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_search_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_search_update;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CustomerSearch;");

        }
    }
}
