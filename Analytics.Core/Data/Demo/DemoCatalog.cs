namespace Analytics.Core.Data.Demo;

/// <summary>The fixed cast of the demo company: what it sells, where, through which channels, and who makes it.</summary>
internal static class DemoCatalog
{
    internal sealed record Product(string Name, string Sku, double PriceUsd, double Weight, int MaxQuantity)
    {
        /// <summary>What a unit costs the company (a manufacturer's cost of goods, 45 % of the list price), in usd.</summary>
        public string UnitCost => Math.Round(PriceUsd * 0.45, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
    }

    internal sealed record Country(string Code, string Region, double Weight, string LocalCurrency, double LocalCurrencyShare, int Warehouse, double DeliveryHours);

    internal sealed record Campaign(string Slug, string Channel, bool Seasonal, int FromMonth, int FromDay, int ToMonth, int ToDay, double DailySpendUsd, DayOfWeek[] BlastDays);

    /// <param name="Headcount">Today's headcount; earlier days shrink by the yearly growth.</param>
    internal sealed record Department(string Name, int Headcount, double YearlyGrowth);

    internal sealed record Line(string Name, double BaseOee);

    // An office-furniture maker: sells to businesses directly, through dealers and online.
    public static readonly Product[] Products =
    [
        new("Atlas Standing Desk", "ATL-SD-160", 649, 16, 12),
        new("Atlas Desk Frame", "ATL-DF-100", 389, 8, 10),
        new("Orbit Ergonomic Chair", "ORB-EC-200", 499, 18, 20),
        new("Orbit Task Chair", "ORB-TC-100", 279, 14, 30),
        new("Lumen Desk Lamp", "LUM-DL-010", 89, 9, 40),
        new("Lumen Floor Lamp", "LUM-FL-020", 159, 4, 15),
        new("Harbor Storage Cabinet", "HAR-SC-300", 329, 6, 10),
        new("Harbor Mobile Pedestal", "HAR-MP-120", 199, 7, 20),
        new("Summit Conference Table", "SUM-CT-240", 1890, 2, 3),
        new("Pulse Monitor Arm", "PUL-MA-002", 129, 10, 40),
        new("Haven Focus Booth", "HAV-FB-001", 5400, 1, 2),
        new("Cable Tray Kit", "CBL-TK-050", 39, 5, 60),
    ];

    public static readonly string[] Warehouses = ["newark", "reno", "rotterdam"];

    // Weights roughly follow where a US-based B2B seller finds its customers.
    public static readonly Country[] Countries =
    [
        new("US", "north_america", 30, "usd", 1.0, 0, 60),
        new("GB", "europe", 10, "gbp", 0.45, 2, 50),
        new("DE", "europe", 9, "eur", 0.4, 2, 40),
        new("FR", "europe", 7, "eur", 0.4, 2, 45),
        new("CA", "north_america", 7, "usd", 1.0, 0, 75),
        new("AU", "asia_pacific", 5, "usd", 1.0, 1, 140),
        new("NL", "europe", 4, "eur", 0.4, 2, 30),
        new("SE", "europe", 3, "eur", 0.25, 2, 60),
        new("ES", "europe", 4, "eur", 0.4, 2, 65),
        new("IT", "europe", 4, "eur", 0.4, 2, 65),
        new("JP", "asia_pacific", 5, "usd", 1.0, 1, 130),
        new("BR", "latin_america", 4, "usd", 1.0, 0, 160),
        new("IN", "asia_pacific", 4, "usd", 1.0, 1, 150),
        new("MX", "latin_america", 2, "usd", 1.0, 1, 100),
        new("PL", "europe", 2, "eur", 0.25, 2, 70),
    ];

    /// <summary>Units of a currency per US dollar, so local prices look like local prices.</summary>
    public static double PerUsd(string currency) => currency switch { "eur" => 0.92, "gbp" => 0.79, _ => 1.0 };

    public static readonly string[] OrderChannels = ["web", "sales_team", "partner", "marketplace"];
    public static readonly double[] OrderChannelWeights = [45, 25, 20, 10];

    public static readonly string[] SignupChannels = ["organic_search", "direct", "referral", "paid_ads"];
    public static readonly double[] SignupChannelWeights = [35, 25, 15, 25];

    public static readonly string[] Carriers = ["ups", "fedex", "dhl"];

    public static readonly string[] Plans = ["basic", "pro", "enterprise"];
    public static readonly double[] PlanPricesUsd = [49, 149, 490];
    public static readonly double[] PlanWeights = [50, 35, 15];

    public static readonly string[] ChurnReasons = ["price", "competitor", "no_longer_needed", "service"];
    public static readonly string[] RefundReasons = ["damaged", "wrong_item", "not_as_described", "changed_mind"];
    public static readonly string[] DealSources = ["inbound", "outbound", "partner"];

    public static readonly Campaign[] Campaigns =
    [
        new("newsletter", "email", false, 1, 1, 12, 31, 0, [DayOfWeek.Tuesday]),
        new("search_always_on", "paid_ads", false, 1, 1, 12, 31, 900, []),
        new("retargeting", "social", false, 1, 1, 12, 31, 350, []),
        new("seo_content", "organic_search", false, 1, 1, 12, 31, 220, []),
        new("spring_launch", "email", true, 3, 15, 4, 30, 0, [DayOfWeek.Monday, DayOfWeek.Thursday]),
        new("spring_launch", "paid_ads", true, 3, 15, 4, 30, 600, []),
        new("back_to_office", "email", true, 8, 20, 9, 30, 0, [DayOfWeek.Wednesday]),
        new("back_to_office", "social", true, 8, 20, 9, 30, 400, []),
        new("black_friday", "email", true, 11, 15, 12, 2, 0, [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]),
        new("black_friday", "paid_ads", true, 11, 15, 12, 2, 1500, []),
        new("year_end", "email", true, 12, 3, 12, 31, 0, [DayOfWeek.Thursday]),
        new("year_end", "social", true, 12, 3, 12, 31, 500, []),
    ];

    public static readonly Department[] Departments =
    [
        new("engineering", 48, 0.30),
        new("sales", 32, 0.35),
        new("support", 22, 0.25),
        new("operations", 26, 0.15),
        new("manufacturing", 64, 0.20),
        new("marketing", 15, 0.30),
        new("finance", 11, 0.10),
    ];

    public static readonly Line[] Lines =
    [
        new("assembly_1", 0.81),
        new("assembly_2", 0.77),
        new("welding", 0.72),
        new("finishing", 0.79),
    ];

    public static readonly string[] AlarmSeverities = ["info", "warning", "critical"];
    public static readonly double[] AlarmSeverityWeights = [60, 30, 10];

    public static readonly string[] TicketChannels = ["email", "chat", "phone", "web_form"];
    public static readonly double[] TicketChannelWeights = [40, 30, 15, 15];
    public static readonly double[] FirstResponseMedianMinutes = [95, 4, 2, 130];
    public static readonly string[] TicketPriorities = ["low", "normal", "high", "urgent"];
    public static readonly double[] TicketPriorityWeights = [30, 50, 15, 5];

    public static readonly string[] DealerTiers = ["bronze", "silver", "gold", "platinum"];
    public static readonly double[] DealerTierWeights = [50, 30, 15, 5];
    public static readonly string[] Rewards = ["gift_card", "merchandise", "training", "travel"];
    public static readonly double[] RewardWeights = [50, 25, 15, 10];

    public static readonly string[] PublishChannels = ["shopify", "b2b_portal", "amazon"];
    public static readonly string[] CatalogLanguages = ["en", "de", "fr"];
    public static readonly string[] ShopifyStores = ["us", "eu"];
}
