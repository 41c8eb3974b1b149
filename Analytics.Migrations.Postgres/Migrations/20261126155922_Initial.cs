using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Analytics.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aspnetroles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrencystamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetroles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dataprotectionkeys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendlyname = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dataprotectionkeys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    timezone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "aspnetroleclaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    roleid = table.Column<string>(type: "text", nullable: false),
                    claimtype = table.Column<string>(type: "text", nullable: true),
                    claimvalue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetroleclaims", x => x.id);
                    table.ForeignKey(
                        name: "fk_aspnetroleclaims_aspnetroles_roleid",
                        column: x => x.roleid,
                        principalTable: "aspnetroles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "anomalies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    metric = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    severity = table.Column<int>(type: "integer", nullable: false),
                    expected = table.Column<double>(type: "double precision", nullable: false),
                    actual = table.Column<double>(type: "double precision", nullable: false),
                    deviation = table.Column<double>(type: "double precision", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    detectedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_anomalies", x => x.id);
                    table.ForeignKey(
                        name: "fk_anomalies_tenants_tenantid",
                        column: x => x.tenantid,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "apikeys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    scope = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expiresat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    revokedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    lastusedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apikeys", x => x.id);
                    table.ForeignKey(
                        name: "fk_apikeys_tenants_tenantid",
                        column: x => x.tenantid,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspnetusers",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    displayname = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    darkmode = table.Column<bool>(type: "boolean", nullable: false),
                    username = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedusername = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedemail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    emailconfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    passwordhash = table.Column<string>(type: "text", nullable: true),
                    securitystamp = table.Column<string>(type: "text", nullable: true),
                    concurrencystamp = table.Column<string>(type: "text", nullable: true),
                    phonenumber = table.Column<string>(type: "text", nullable: true),
                    phonenumberconfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    twofactorenabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockoutend = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockoutenabled = table.Column<bool>(type: "boolean", nullable: false),
                    accessfailedcount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetusers", x => x.id);
                    table.ForeignKey(
                        name: "fk_aspnetusers_tenants_tenantid",
                        column: x => x.tenantid,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "auditentries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actorid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    before = table.Column<string>(type: "text", nullable: true),
                    after = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auditentries", x => x.id);
                    table.ForeignKey(
                        name: "fk_auditentries_tenants_tenantid",
                        column: x => x.tenantid,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    externalid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    attributes = table.Column<string>(type: "text", nullable: false),
                    firstseen = table.Column<long>(type: "bigint", nullable: false),
                    lastseen = table.Column<long>(type: "bigint", nullable: false),
                    ltvcents = table.Column<long>(type: "bigint", nullable: false),
                    ordercount = table.Column<int>(type: "integer", nullable: false),
                    engagementscore = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                    table.ForeignKey(
                        name: "fk_customers_tenants_tenantid",
                        column: x => x.tenantid,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dashboards",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ownerid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    sharedwith = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updatedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dashboards", x => x.id);
                    table.ForeignKey(
                        name: "fk_dashboards_tenants_tenantid",
                        column: x => x.tenantid,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exchangerates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    rate = table.Column<decimal>(type: "numeric(18,8)", precision: 18, scale: 8, nullable: false),
                    updatedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exchangerates", x => x.id);
                    table.ForeignKey(
                        name: "fk_exchangerates_tenants_tenantid",
                        column: x => x.tenantid,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "metricevents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    module = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    timestamp = table.Column<long>(type: "bigint", nullable: false),
                    customerid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    dimensions = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metricevents", x => x.id);
                    table.ForeignKey(
                        name: "fk_metricevents_tenants_tenantid",
                        column: x => x.tenantid,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reportdefinitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    modules = table.Column<string>(type: "text", nullable: false),
                    metrics = table.Column<string>(type: "text", nullable: false),
                    format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    daterange = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: true),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    module = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    dimensions = table.Column<string>(type: "text", nullable: false),
                    segment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    groupby = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    frequency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    day = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    time = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    cron = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    nextrunat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    emailto = table.Column<string>(type: "text", nullable: false),
                    download = table.Column<bool>(type: "boolean", nullable: false),
                    ownerid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updatedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reportdefinitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_reportdefinitions_tenants_tenantid",
                        column: x => x.tenantid,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "segments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    rules = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    builtin = table.Column<bool>(type: "boolean", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updatedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    evaluatedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segments", x => x.id);
                    table.ForeignKey(
                        name: "fk_segments_tenants_tenantid",
                        column: x => x.tenantid,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspnetuserclaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    userid = table.Column<string>(type: "text", nullable: false),
                    claimtype = table.Column<string>(type: "text", nullable: true),
                    claimvalue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetuserclaims", x => x.id);
                    table.ForeignKey(
                        name: "fk_aspnetuserclaims_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "aspnetusers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspnetuserlogins",
                columns: table => new
                {
                    loginprovider = table.Column<string>(type: "text", nullable: false),
                    providerkey = table.Column<string>(type: "text", nullable: false),
                    providerdisplayname = table.Column<string>(type: "text", nullable: true),
                    userid = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetuserlogins", x => new { x.loginprovider, x.providerkey });
                    table.ForeignKey(
                        name: "fk_aspnetuserlogins_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "aspnetusers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspnetuserroles",
                columns: table => new
                {
                    userid = table.Column<string>(type: "text", nullable: false),
                    roleid = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetuserroles", x => new { x.userid, x.roleid });
                    table.ForeignKey(
                        name: "fk_aspnetuserroles_aspnetroles_roleid",
                        column: x => x.roleid,
                        principalTable: "aspnetroles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_aspnetuserroles_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "aspnetusers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aspnetusertokens",
                columns: table => new
                {
                    userid = table.Column<string>(type: "text", nullable: false),
                    loginprovider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetusertokens", x => new { x.userid, x.loginprovider, x.name });
                    table.ForeignKey(
                        name: "fk_aspnetusertokens_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "aspnetusers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customeractivity",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    customerkey = table.Column<long>(type: "bigint", nullable: false),
                    ticks = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    module = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    dimensions = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customeractivity", x => x.id);
                    table.ForeignKey(
                        name: "fk_customeractivity_customers_customerkey",
                        column: x => x.customerkey,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "widgets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    dashboardid = table.Column<long>(type: "bigint", nullable: false),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    metric = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    module = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: true),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    groupby = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    agg = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    filters = table.Column<string>(type: "text", nullable: false),
                    higherisbetter = table.Column<bool>(type: "boolean", nullable: false),
                    x = table.Column<int>(type: "integer", nullable: false),
                    y = table.Column<int>(type: "integer", nullable: false),
                    w = table.Column<int>(type: "integer", nullable: false),
                    h = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_widgets", x => x.id);
                    table.ForeignKey(
                        name: "fk_widgets_dashboards_dashboardid",
                        column: x => x.dashboardid,
                        principalTable: "dashboards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reportruns",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    definitionid = table.Column<long>(type: "bigint", nullable: false),
                    runkey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    referenceat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    queuedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    startedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finishedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    durationms = table.Column<long>(type: "bigint", nullable: true),
                    periodlabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    filename = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contenttype = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    sizebytes = table.Column<long>(type: "bigint", nullable: true),
                    delivery = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    deliveryattempts = table.Column<int>(type: "integer", nullable: false),
                    nextdeliveryat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deliveryerror = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reportruns", x => x.id);
                    table.ForeignKey(
                        name: "fk_reportruns_reportdefinitions_definitionid",
                        column: x => x.definitionid,
                        principalTable: "reportdefinitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "segmentmembers",
                columns: table => new
                {
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    segmentid = table.Column<long>(type: "bigint", nullable: false),
                    customerkey = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segmentmembers", x => new { x.tenantid, x.segmentid, x.customerkey });
                    table.ForeignKey(
                        name: "fk_segmentmembers_customers_customerkey",
                        column: x => x.customerkey,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_segmentmembers_segments_segmentid",
                        column: x => x.segmentid,
                        principalTable: "segments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reportfiles",
                columns: table => new
                {
                    runid = table.Column<long>(type: "bigint", nullable: false),
                    tenantid = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reportfiles", x => x.runid);
                    table.ForeignKey(
                        name: "fk_reportfiles_reportruns_runid",
                        column: x => x.runid,
                        principalTable: "reportruns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_anomalies_tenantid_detectedat",
                table: "anomalies",
                columns: new[] { "tenantid", "detectedat" });

            migrationBuilder.CreateIndex(
                name: "ix_anomalies_tenantid_metric_day",
                table: "anomalies",
                columns: new[] { "tenantid", "metric", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_apikeys_hash",
                table: "apikeys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_apikeys_tenantid",
                table: "apikeys",
                column: "tenantid");

            migrationBuilder.CreateIndex(
                name: "ix_aspnetroleclaims_roleid",
                table: "aspnetroleclaims",
                column: "roleid");

            migrationBuilder.CreateIndex(
                name: "rolenameindex",
                table: "aspnetroles",
                column: "normalizedname",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_aspnetuserclaims_userid",
                table: "aspnetuserclaims",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "ix_aspnetuserlogins_userid",
                table: "aspnetuserlogins",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "ix_aspnetuserroles_roleid",
                table: "aspnetuserroles",
                column: "roleid");

            migrationBuilder.CreateIndex(
                name: "emailindex",
                table: "aspnetusers",
                column: "normalizedemail");

            migrationBuilder.CreateIndex(
                name: "ix_aspnetusers_tenantid",
                table: "aspnetusers",
                column: "tenantid");

            migrationBuilder.CreateIndex(
                name: "usernameindex",
                table: "aspnetusers",
                column: "normalizedusername",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_auditentries_tenantid_at",
                table: "auditentries",
                columns: new[] { "tenantid", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_customeractivity_customerkey",
                table: "customeractivity",
                column: "customerkey");

            migrationBuilder.CreateIndex(
                name: "ix_customeractivity_tenantid_customerkey_ticks_module",
                table: "customeractivity",
                columns: new[] { "tenantid", "customerkey", "ticks", "module" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenantid_engagementscore",
                table: "customers",
                columns: new[] { "tenantid", "engagementscore" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenantid_externalid",
                table: "customers",
                columns: new[] { "tenantid", "externalid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenantid_lastseen",
                table: "customers",
                columns: new[] { "tenantid", "lastseen" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenantid_ltvcents",
                table: "customers",
                columns: new[] { "tenantid", "ltvcents" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenantid_name",
                table: "customers",
                columns: new[] { "tenantid", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_dashboards_tenantid_updatedat",
                table: "dashboards",
                columns: new[] { "tenantid", "updatedat" });

            migrationBuilder.CreateIndex(
                name: "ix_exchangerates_tenantid_currency",
                table: "exchangerates",
                columns: new[] { "tenantid", "currency" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_metricevents_tenantid_name_timestamp",
                table: "metricevents",
                columns: new[] { "tenantid", "name", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_reportdefinitions_nextrunat",
                table: "reportdefinitions",
                column: "nextrunat");

            migrationBuilder.CreateIndex(
                name: "ix_reportdefinitions_tenantid_name",
                table: "reportdefinitions",
                columns: new[] { "tenantid", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_reportruns_definitionid",
                table: "reportruns",
                column: "definitionid");

            migrationBuilder.CreateIndex(
                name: "ix_reportruns_delivery_nextdeliveryat",
                table: "reportruns",
                columns: new[] { "delivery", "nextdeliveryat" });

            migrationBuilder.CreateIndex(
                name: "ix_reportruns_queuedat",
                table: "reportruns",
                column: "queuedat");

            migrationBuilder.CreateIndex(
                name: "ix_reportruns_runkey",
                table: "reportruns",
                column: "runkey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reportruns_status_id",
                table: "reportruns",
                columns: new[] { "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_reportruns_tenantid_definitionid_id",
                table: "reportruns",
                columns: new[] { "tenantid", "definitionid", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_segmentmembers_customerkey",
                table: "segmentmembers",
                column: "customerkey");

            migrationBuilder.CreateIndex(
                name: "ix_segmentmembers_segmentid",
                table: "segmentmembers",
                column: "segmentid");

            migrationBuilder.CreateIndex(
                name: "ix_segmentmembers_tenantid_customerkey",
                table: "segmentmembers",
                columns: new[] { "tenantid", "customerkey" });

            migrationBuilder.CreateIndex(
                name: "ix_segments_tenantid_name",
                table: "segments",
                columns: new[] { "tenantid", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tenants_slug",
                table: "tenants",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_widgets_dashboardid",
                table: "widgets",
                column: "dashboardid");

            migrationBuilder.CreateIndex(
                name: "ix_widgets_tenantid_id",
                table: "widgets",
                columns: new[] { "tenantid", "id" });

            // Rollups and the catalog are written and read with plain SQL (MetricStore), as in the SQLite schema.
            foreach (var table in new[] { "metricrollupshourly", "metricrollupsdaily" })
            {
                migrationBuilder.Sql($"""
                    CREATE TABLE {table} (
                        tenantid integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
                        name text NOT NULL,
                        dimkey text NOT NULL,
                        dimvalue text NOT NULL,
                        bucket bigint NOT NULL,
                        module text NOT NULL,
                        count bigint NOT NULL,
                        sum double precision NOT NULL,
                        min double precision NOT NULL,
                        max double precision NOT NULL,
                        last double precision NOT NULL,
                        lastticks bigint NOT NULL,
                        PRIMARY KEY (tenantid, name, dimkey, dimvalue, bucket, module)
                    );
                    """);
            }
            migrationBuilder.Sql("""
                CREATE TABLE metriccatalog (
                    tenantid integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
                    name text NOT NULL,
                    module text NOT NULL,
                    dimkey text NOT NULL,
                    dimvalue text NOT NULL,
                    lastticks bigint NOT NULL,
                    PRIMARY KEY (tenantid, name, module, dimkey, dimvalue)
                );
                """);

            // The SQL shared with SQLite reads JSON columns through json_extract and takes id and name lists as one
            // JSON array parameter through json_each: the same two functions here, over jsonb.
            migrationBuilder.Sql("""
                CREATE FUNCTION json_extract(doc text, path text) RETURNS text
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    SELECT CASE WHEN left(path, 3) = '$."'
                                THEN (doc::jsonb) ->> replace(substr(path, 4, length(path) - 4), '""', '"')
                                ELSE (doc::jsonb) ->> substr(path, 3) END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION json_each(doc text) RETURNS TABLE (value text)
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    SELECT jsonb_array_elements_text(doc::jsonb)
                $$;
                """);

            // Substring search over names and emails: trigram indexes serve ILIKE '%term%' (SQLite has FTS5 for it).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX ix_customers_name_trgm ON customers USING gin (name gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_customers_email_trgm ON customers USING gin (email gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_customers_email_trgm;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_customers_name_trgm;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS json_each(text);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS json_extract(text, text);");
            migrationBuilder.Sql("DROP TABLE IF EXISTS metriccatalog;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS metricrollupsdaily;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS metricrollupshourly;");
            migrationBuilder.DropTable(
                name: "anomalies");

            migrationBuilder.DropTable(
                name: "apikeys");

            migrationBuilder.DropTable(
                name: "aspnetroleclaims");

            migrationBuilder.DropTable(
                name: "aspnetuserclaims");

            migrationBuilder.DropTable(
                name: "aspnetuserlogins");

            migrationBuilder.DropTable(
                name: "aspnetuserroles");

            migrationBuilder.DropTable(
                name: "aspnetusertokens");

            migrationBuilder.DropTable(
                name: "auditentries");

            migrationBuilder.DropTable(
                name: "customeractivity");

            migrationBuilder.DropTable(
                name: "dataprotectionkeys");

            migrationBuilder.DropTable(
                name: "exchangerates");

            migrationBuilder.DropTable(
                name: "metricevents");

            migrationBuilder.DropTable(
                name: "reportfiles");

            migrationBuilder.DropTable(
                name: "segmentmembers");

            migrationBuilder.DropTable(
                name: "widgets");

            migrationBuilder.DropTable(
                name: "aspnetroles");

            migrationBuilder.DropTable(
                name: "aspnetusers");

            migrationBuilder.DropTable(
                name: "reportruns");

            migrationBuilder.DropTable(
                name: "customers");

            migrationBuilder.DropTable(
                name: "segments");

            migrationBuilder.DropTable(
                name: "dashboards");

            migrationBuilder.DropTable(
                name: "reportdefinitions");

            migrationBuilder.DropTable(
                name: "tenants");
        }
    }
}
