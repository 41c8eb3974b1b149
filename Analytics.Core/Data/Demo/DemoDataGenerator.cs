using Analytics.Core.Metrics;
using static Analytics.Core.Data.Demo.DemoCatalog;

namespace Analytics.Core.Data.Demo;

/// <summary>Realistic, repeatable demo events for every metric convention: seasonality, growth and a few anomalies.</summary>
/// <remarks>
/// Levels below are today's weekday levels; earlier days shrink by the yearly growth. Events are produced day by
/// day, area by area, and follow-ups that would land after now (deliveries, resolutions, later deal stages) are
/// left out because they have not happened yet.
/// </remarks>
public static class DemoDataGenerator
{
    // Planted anomalies, in days before today, so they always fall inside the window.
    /// <summary>A defective batch of Orbit Task Chairs comes back: refunds jump.</summary>
    public const int RefundSpikeOffset = 150;
    /// <summary>A checkout outage: orders and revenue fall about 75 %.</summary>
    public const int RevenueDropOffset = 45;
    /// <summary>A bad dealer-portal release: tickets quadruple, responses slow, CSAT dips.</summary>
    public const int TicketSpikeOffset = 20;
    /// <summary>An alarm storm on the welding line, with its OEE and uptime collapsing.</summary>
    public const int AlarmStormOffset = 12;
    /// <summary>The Shopify US store fails to sync from 08:00 to 18:00 UTC.</summary>
    public const int SyncOutageOffset = 7;

    private const double OrdersPerWeekday = 95;
    private const double SignupsPerWeekday = 3.5;
    private const double LeadsPerWeekday = 18;
    private const double TicketsPerWeekday = 34;
    private const double EmailListSize = 9000;
    private const double WorkdaysPerYear = 261;
    private const string RecalledProduct = "Orbit Task Chair";
    private const string StormLine = "welding";

    // Mid-month demand for a B2B seller: slow summer, budgets spent in Q4, quiet January.
    private static readonly double[] MonthlyLevel = [0.86, 0.92, 1.0, 0.98, 0.97, 0.92, 0.86, 0.9, 1.02, 1.08, 1.22, 1.16];

    private static readonly string[] DealStages = ["qualified", "proposal", "negotiation", "won"];
    private static readonly double[] DealAdvance = [0.5, 0.75, 0.75, 0.65];
    private static readonly string[] Shifts = ["morning", "evening", "night"];
    private static readonly double[] CsatWeights = [4, 6, 12, 28, 50];
    private static readonly double[] UnhappyCsatWeights = [14, 16, 24, 26, 20];

    private static readonly Func<DemoWorld, IEnumerable<MetricEventInput>>[] Areas =
        [Customers, Inventory, Orders, Fulfillment, Subscriptions, Sales, Support, Campaigns, Hr, Rewards, Mes, Catalog];

    public static IEnumerable<MetricEventInput> Generate(DateTime nowUtc, int days, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        return Stream(new DemoWorld(nowUtc, days, seed));
    }

    private static IEnumerable<MetricEventInput> Stream(DemoWorld w)
    {
        StockUp(w);
        for (var i = 0; i < w.Days; i++)
        {
            w.StartDay(i);
            foreach (var area in Areas)
                foreach (var e in area(w))
                    if (e.Timestamp!.Value.UtcDateTime <= w.Now) yield return e;
        }
    }

    private static IEnumerable<MetricEventInput> Customers(DemoWorld w)
    {
        var signups = w.Poisson(SignupsPerWeekday * Seasonal(w, weekend: 0.5, yearly: 0.6, noise: 0.1));
        for (var i = 0; i < signups && w.Customers.Count < DemoWorld.MaxCustomers; i++)
        {
            var customer = w.AddCustomer(w.DayIndex, w.Pick(SignupChannels, SignupChannelWeights));
            yield return Event("customer_signup", 1, "sales", w.BusinessTime(),
                new() { ["channel"] = customer.SignupChannel, ["country"] = customer.Country.Code }, customer.Id);
        }

        for (var i = w.Active.Count - 1; i >= 0; i--)
        {
            var customer = w.Active[i];
            if (customer.ChurnIndex != w.DayIndex) continue;
            w.Churn(customer);
            yield return Event("customer_churned", 1, "sales", w.BusinessTime(),
                new() { ["reason"] = ChurnReasons[w.Rng.Next(ChurnReasons.Length)], ["channel"] = customer.SignupChannel, ["country"] = customer.Country.Code }, customer.Id);
        }
    }

    /// <summary>The morning count per SKU and warehouse, deliveries, and reorders when the count runs low.</summary>
    private static IEnumerable<MetricEventInput> Inventory(DemoWorld w)
    {
        for (var p = 0; p < Products.Length; p++)
            for (var h = 0; h < Warehouses.Length; h++)
            {
                var sku = Products[p].Sku;
                var warehouse = Warehouses[h];
                var stock = w.Stock[p, h];
                var demand = Math.Max(w.AverageDemand[p, h], 0.2);
                // The morning count carries the unit cost, so inventory KPIs can value the stock.
                var counted = SkuAt(sku, warehouse);
                counted["unit_cost"] = Products[p].UnitCost;
                yield return Event("stock_level", Math.Round(stock), "inventory", w.At(5, 20), counted);

                if (stock < demand * 5 && !w.Alerted[p, h])
                {
                    w.Alerted[p, h] = true;
                    yield return Event("low_stock_alert", Math.Round(stock), "inventory", w.At(5.5, 20), SkuAt(sku, warehouse));
                }

                if (w.PendingQuantity[p, h] > 0 && w.PendingArrival[p, h] == w.DayIndex)
                {
                    var received = w.PendingQuantity[p, h];
                    w.Stock[p, h] += received;
                    w.PendingQuantity[p, h] = 0;
                    w.Alerted[p, h] = false;
                    yield return Event("stock_received", received, "inventory", w.At(11, 120), SkuAt(sku, warehouse));
                }
                else if (w.PendingQuantity[p, h] == 0 && stock < demand * 15)
                {
                    // Order up to six weeks of demand; now and then the supplier is late and the shelf runs dry.
                    w.PendingQuantity[p, h] = Math.Max(10, Math.Round((demand * 42 - stock) / 10) * 10);
                    w.PendingArrival[p, h] = w.DayIndex + w.Rng.Next(5, 12) + (w.Chance(0.06) ? w.Rng.Next(7, 15) : 0);
                }
            }
    }

    private static IEnumerable<MetricEventInput> Orders(DemoWorld w)
    {
        var expected = OrdersPerWeekday * Seasonal(w, weekend: 0.3);
        if (w.Offset == RevenueDropOffset) expected *= 0.25;
        var count = w.Poisson(expected);
        for (var i = 0; i < count; i++)
        {
            var at = w.BusinessTime();
            if (at > w.Now || w.PickCustomer() is not { } customer) continue;
            var p = w.PickProduct();
            var product = Products[p];
            var quantity = 1 + (int)(Math.Pow(w.Rng.NextDouble(), 2.5) * product.MaxQuantity);
            var discount = quantity >= 10 ? 0.12 : quantity >= 5 ? 0.06 : 0;
            var amount = Math.Round(product.PriceUsd * quantity * (1 - discount) * PerUsd(customer.Currency), 2);
            var country = customer.Country;
            var h = country.Warehouse;
            var channel = w.Chance(0.85) ? customer.OrderChannel : w.Pick(OrderChannels, OrderChannelWeights);
            w.Stock[p, h] = Math.Max(0, w.Stock[p, h] - quantity);
            w.DemandToday[p, h] += quantity;
            w.OrdersToday[h]++;

            yield return Event("order_value", amount, "fulfillment", at, new()
            {
                ["product"] = product.Name, ["channel"] = channel, ["region"] = country.Region,
                ["country"] = country.Code, ["currency"] = customer.Currency,
            }, customer.Id);
            yield return Event("order_count", 1, "fulfillment", at, new()
            {
                ["product"] = product.Name, ["channel"] = channel, ["region"] = country.Region, ["country"] = country.Code,
            });

            var shippedAt = at.AddHours(w.Uniform(3, 30));
            var carrier = Carriers[w.Rng.Next(Carriers.Length)];
            yield return Event("shipment_volume", quantity, "fulfillment", shippedAt,
                new() { ["country"] = country.Code, ["warehouse"] = Warehouses[h], ["carrier"] = carrier });
            var hours = Math.Round(w.LogNormal(country.DeliveryHours, 0.35), 1);
            yield return Event("delivery_time_hours", hours, "fulfillment", shippedAt.AddHours(hours),
                new() { ["country"] = country.Code, ["region"] = country.Region, ["carrier"] = carrier });

            if (w.Chance(0.03))
            {
                var refund = w.Chance(0.7) ? amount : Math.Round(amount * w.Uniform(0.1, 0.5), 2);
                yield return Event("refund_amount", refund, "fulfillment", at.AddDays(w.Uniform(2, 25)),
                    RefundDims(product.Name, w.Pick(RefundReasons, [20, 10, 15, 55]), customer), customer.Id);
            }
        }

        if (w.Offset != RefundSpikeOffset) yield break;
        var recalled = Array.Find(Products, p => p.Name == RecalledProduct)!;
        for (var i = 0; i < 45; i++)
        {
            if (w.PickCustomer() is not { } customer) break;
            var amount = Math.Round(recalled.PriceUsd * w.Rng.Next(1, 8) * PerUsd(customer.Currency), 2);
            yield return Event("refund_amount", amount, "fulfillment", w.BusinessTime(), RefundDims(recalled.Name, "damaged", customer), customer.Id);
        }
    }

    /// <summary>Warehouses pick and pack the day's orders in three waves.</summary>
    private static IEnumerable<MetricEventInput> Fulfillment(DemoWorld w)
    {
        for (var h = 0; h < Warehouses.Length; h++)
        {
            var left = w.OrdersToday[h];
            for (var wave = 0; wave < 3 && left > 0; wave++)
            {
                var processed = wave == 2 ? left : (int)Math.Round(left * w.Uniform(0.3, 0.45));
                left -= processed;
                if (processed > 0)
                    yield return Event("orders_processed", processed, "fulfillment", w.At(10 + 5 * wave, 20), new() { ["warehouse"] = Warehouses[h] });
            }
        }
    }

    private static IEnumerable<MetricEventInput> Subscriptions(DemoWorld w)
    {
        foreach (var customer in w.Active)
        {
            if (customer.Plan < 0 || customer.BillingDay != w.Day.Day) continue;
            var amount = Math.Round(PlanPricesUsd[customer.Plan] * PerUsd(customer.Currency), 2);
            yield return Event("subscription_revenue", amount, "sales", w.At(2, 30),
                new() { ["plan"] = Plans[customer.Plan], ["currency"] = customer.Currency, ["country"] = customer.Country.Code }, customer.Id);
        }
    }

    /// <summary>New leads, each walked through the funnel at once; stages after now are dropped by the caller.</summary>
    private static IEnumerable<MetricEventInput> Sales(DemoWorld w)
    {
        var leads = w.Poisson(LeadsPerWeekday * Seasonal(w, weekend: 0.15, yearly: 0.5, noise: 0.12));
        for (var i = 0; i < leads; i++)
        {
            var source = DealSources[w.Pick(DealSources.Length, [45, 35, 20])];
            var amount = Math.Round(w.LogNormal(18_000, 0.8) / 100) * 100 + 500;
            var created = w.BusinessTime();
            yield return Event("deal_stage", amount, "sales", created, AtStage("leads", source));

            var at = created;
            for (var s = 0; s < DealStages.Length; s++)
            {
                at = at.AddDays(w.Uniform(2, 12)).AddHours(w.Uniform(-3, 3));
                if (!w.Chance(DealAdvance[s]))
                {
                    // An unqualified lead just drops out; later drop-outs are deals lost.
                    if (s > 0) yield return Event("deal_stage", amount, "sales", at, AtStage("lost", source));
                    break;
                }
                yield return Event("deal_stage", amount, "sales", at, AtStage(DealStages[s], source));
                if (s == DealStages.Length - 1)
                    yield return Event("deal_cycle_days", Math.Round((at - created).TotalDays, 1), "sales", at, new() { ["source"] = source });
            }
        }
    }

    private static IEnumerable<MetricEventInput> Support(DemoWorld w)
    {
        var flood = w.Offset == TicketSpikeOffset;
        var expected = TicketsPerWeekday * Seasonal(w, weekend: 0.45, yearly: 0.4, noise: 0.12) * (flood ? 4 : 1);
        var count = w.Poisson(expected);
        for (var i = 0; i < count; i++)
        {
            var opened = w.BusinessTime();
            if (opened > w.Now || w.PickCustomer() is not { } customer) continue;
            var c = w.Pick(TicketChannels.Length, TicketChannelWeights);
            var priority = w.Pick(TicketPriorities.Length, TicketPriorityWeights);
            yield return Event("ticket_opened", 1, "support", opened, new(TicketDims(c, priority)) { ["country"] = customer.Country.Code }, customer.Id);

            var minutes = Math.Round(w.LogNormal(FirstResponseMedianMinutes[c] * (flood ? 4 : 1) * (w.IsWeekend ? 2 : 1), 0.6), 1);
            yield return Event("first_response_minutes", minutes, "support", opened.AddMinutes(minutes), TicketDims(c, priority), customer.Id);

            if (!w.Chance(0.96)) continue;
            double[] medianHours = [30, 14, 6, 3];
            var hours = Math.Round(w.LogNormal(medianHours[priority] * (flood ? 2.5 : 1), 0.7), 1);
            var resolved = opened.AddHours(hours);
            yield return Event("ticket_resolved", hours, "support", resolved, TicketDims(c, priority), customer.Id);

            if (!w.Chance(0.4)) continue;
            var score = 1 + w.Pick(5, flood || hours > 48 ? UnhappyCsatWeights : CsatWeights);
            yield return Event("csat", score, "support", resolved.AddHours(w.Uniform(0.5, 20)), new() { ["channel"] = TicketChannels[c] }, customer.Id);
        }
    }

    private static IEnumerable<MetricEventInput> Campaigns(DemoWorld w)
    {
        var md = w.Day.Month * 100 + w.Day.Day;
        foreach (var c in DemoCatalog.Campaigns)
        {
            if (md < c.FromMonth * 100 + c.FromDay || md > c.ToMonth * 100 + c.ToDay) continue;
            var campaign = c.Seasonal ? $"{c.Slug}_{w.Day.Year}" : c.Slug;
            if (c.Channel == "email")
            {
                if (Array.IndexOf(c.BlastDays, w.Day.DayOfWeek) < 0) continue;
                foreach (var e in EmailBlast(w, campaign)) yield return e;
                continue;
            }

            var spend = c.DailySpendUsd * Seasonal(w, weekend: 0.6, yearly: 0.3, noise: 0.15);
            for (var chunk = 0; chunk < 3; chunk++)
                yield return Event("marketing_spend", Math.Round(spend / 3, 2), "campaign", w.At(6 + 6 * chunk, 30), ForCampaign(campaign, c.Channel));

            var costPerConversion = c.Channel switch { "paid_ads" => 55.0, "social" => 70.0, _ => 25.0 };
            var conversions = w.Poisson(spend / costPerConversion);
            for (var i = 0; i < conversions; i++)
                yield return Event("conversion", 1, "campaign", w.BusinessTime(), ForCampaign(campaign, c.Channel));
        }
    }

    /// <summary>One send to the list; opens and clicks trail off over three days, reported in batches.</summary>
    private static IEnumerable<MetricEventInput> EmailBlast(DemoWorld w, string campaign)
    {
        var sent = Math.Round(EmailListSize * w.Growth * w.Uniform(0.97, 1.03));
        var sentAt = w.At(9.5, 30);
        yield return Event("email_sent", sent, "campaign", sentAt, ForCampaign(campaign, "email"));
        yield return Event("marketing_spend", Math.Round(sent * 0.0012, 2), "campaign", sentAt, ForCampaign(campaign, "email"));

        var openRate = w.Uniform(0.19, 0.27);
        var clickRate = openRate * w.Uniform(0.1, 0.16);
        double[] dayShare = [0.62, 0.27, 0.11];
        for (var d = 0; d < dayShare.Length; d++)
            for (var batch = 0; batch < 4; batch++)
            {
                var at = sentAt.AddDays(d).AddHours(1 + batch * 5 + w.Uniform(0, 2));
                yield return Event("email_open", Math.Round(sent * openRate * dayShare[d] / 4 * w.Uniform(0.7, 1.3)), "campaign", at, ForCampaign(campaign, "email"));
                yield return Event("email_click", Math.Round(sent * clickRate * dayShare[d] / 4 * w.Uniform(0.7, 1.3)), "campaign", at.AddMinutes(7), ForCampaign(campaign, "email"));
            }

        var conversions = w.Poisson(sent * 0.0022);
        for (var i = 0; i < conversions; i++)
            yield return Event("conversion", 1, "campaign", sentAt.AddHours(w.LogNormal(8, 1)), ForCampaign(campaign, "email"));
        var unsubscribes = w.Poisson(sent * 0.0018);
        for (var i = 0; i < unsubscribes; i++)
            yield return Event("unsubscribe", 1, "campaign", sentAt.AddHours(w.LogNormal(3, 1)), ForCampaign(campaign, "email"));
    }

    private static IEnumerable<MetricEventInput> Hr(DemoWorld w)
    {
        for (var d = 0; d < Departments.Length; d++)
            yield return Event("headcount", w.Headcount[d], "hr", w.At(6, 15), InDepartment(d));
        if (w.IsWeekend) yield break;

        var total = 0;
        for (var d = 0; d < Departments.Length; d++)
        {
            // Hiring replaces leavers and closes the gap to the department's growth plan.
            const double attrition = 0.12 / WorkdaysPerYear;
            var plan = Departments[d].Headcount * Math.Pow(1 + Departments[d].YearlyGrowth, -w.Offset / 365.25);
            for (var i = w.Poisson(w.Headcount[d] * attrition + Math.Max(0, plan - w.Headcount[d]) * 0.05); i > 0; i--)
            {
                w.Headcount[d]++;
                yield return Event("hire", 1, "hr", w.BusinessTime(), InDepartment(d));
            }
            for (var i = w.Poisson(w.Headcount[d] * attrition); i > 0 && w.Headcount[d] > 1; i--)
            {
                w.Headcount[d]--;
                yield return Event("termination", 1, "hr", w.BusinessTime(),
                    new() { ["department"] = Departments[d].Name, ["reason"] = w.Chance(0.75) ? "voluntary" : "involuntary" });
            }
            total += w.Headcount[d];
        }

        // Sampled: about one employee in twenty-five a day, enough for a rate without flooding the store.
        var present = 0.955 - (w.Day.Month is 7 or 8 ? 0.05 : 0) - (w.Day is { Month: 12, Day: >= 20 } ? 0.08 : 0);
        var headcount = Array.ConvertAll(w.Headcount, h => (double)h);
        for (var i = w.Poisson(total / 25.0); i > 0; i--)
        {
            var d = w.Pick(Departments.Length, headcount);
            var employee = $"emp_{d + 1}{w.Rng.Next(1, w.Headcount[d] + 1):000}";
            yield return Event("attendance", w.Chance(present) ? 1 : 0, "hr", w.At(9, 90),
                new() { ["department"] = Departments[d].Name, ["employee"] = employee });
        }
    }

    private static IEnumerable<MetricEventInput> Rewards(DemoWorld w)
    {
        while (w.Dealers < 130 * w.Growth && w.Chance(0.5))
        {
            w.Dealers++;
            w.TierOfDealer.Add(w.Pick(DealerTiers, DealerTierWeights));
        }
        var activeShare = Math.Min(0.95, 0.62 * Seasonal(w, weekend: 1, yearly: 0.5, noise: 0.03) / w.Growth);
        yield return Event("active_dealers", Math.Round(w.Dealers * activeShare), "rewards", w.At(6, 15));

        double[] tierMultiplier = [1, 1.25, 1.5, 2];
        for (var i = w.Poisson(22 * Seasonal(w, weekend: 0.2)); i > 0; i--)
        {
            var dealer = w.Rng.Next(w.Dealers);
            var tier = w.TierOfDealer[dealer];
            var points = Math.Round(w.LogNormal(400, 0.7) * tierMultiplier[Array.IndexOf(DealerTiers, tier)]);
            yield return Event("points_earned", points, "rewards", w.BusinessTime(), new() { ["dealer"] = $"dlr_{dealer + 1:000}", ["tier"] = tier });
        }
        for (var i = w.Poisson(3.5 * Seasonal(w, weekend: 0.3)); i > 0; i--)
        {
            var tier = w.TierOfDealer[w.Rng.Next(w.Dealers)];
            var points = Math.Max(500, Math.Round(w.LogNormal(2500, 0.6) / 50) * 50);
            yield return Event("redemptions", points, "rewards", w.BusinessTime(),
                new() { ["reward"] = w.Pick(DemoCatalog.Rewards, RewardWeights), ["tier"] = tier });
        }
    }

    /// <summary>Per line and shift: OEE and uptime at the shift's end; alarms through the day.</summary>
    private static IEnumerable<MetricEventInput> Mes(DemoWorld w)
    {
        var shifts = w.Day.DayOfWeek switch { DayOfWeek.Sunday => 0, DayOfWeek.Saturday => 1, _ => 3 };
        var storm = w.Offset == AlarmStormOffset;
        var improvement = 0.03 * w.DayIndex / w.Days;
        foreach (var line in Lines)
        {
            var stormHere = storm && line.Name == StormLine;
            for (var s = 0; s < shifts; s++)
            {
                var end = w.Day.AddHours(14 + 8 * s).AddMinutes(w.Rng.Next(0, 6));
                var oee = stormHere ? w.Uniform(0.28, 0.4) : Math.Clamp(line.BaseOee + improvement + 0.04 * w.Normal(), 0.35, 0.95);
                var uptime = stormHere ? w.Uniform(2.5, 4) : 8 * Math.Clamp(0.92 + 0.04 * w.Normal(), 0.5, 1);
                yield return Event("oee", Math.Round(oee, 3), "mes", end, OnShift(line.Name, s));
                yield return Event("machine_uptime", Math.Round(uptime, 2), "mes", end, OnShift(line.Name, s));
            }

            for (var i = w.Poisson(0.1 + 0.45 * shifts); i > 0; i--)
                yield return Event("alarm", 1, "mes", w.AnyTime(), AlarmOn(line.Name, w.Pick(AlarmSeverities, AlarmSeverityWeights)));
            if (!stormHere) continue;
            for (var i = 0; i < 140; i++)
                yield return Event("alarm", 1, "mes", w.Day.AddHours(10 + w.Uniform(0, 3)), AlarmOn(line.Name, w.Pick(AlarmSeverities, [20, 45, 35])));
        }
    }

    private static IEnumerable<MetricEventInput> Catalog(DemoWorld w)
    {
        if (!w.IsWeekend)
        {
            for (var i = w.Poisson(1.6 * w.Growth); i > 0; i--)
                yield return Event("products_published", 1, "catalog", w.BusinessTime(), new() { ["channel"] = PublishChannels[w.Rng.Next(PublishChannels.Length)] });
            for (var i = w.Poisson(0.7); i > 0; i--)
                yield return Event("catalogs_generated", 1, "catalog", w.BusinessTime(), new() { ["language"] = CatalogLanguages[w.Pick(3, [60, 25, 15])] });
        }

        var outage = w.Offset == SyncOutageOffset;
        for (var hour = 0; hour < 24; hour += 2)
            foreach (var store in ShopifyStores)
            {
                var failed = (outage && store == "us" && hour is >= 8 and <= 18) || w.Chance(0.015);
                yield return Event("shopify_sync_status", failed ? 0 : 1, "catalog", w.Day.AddHours(hour).AddMinutes(w.Rng.Next(1, 5)), new() { ["store"] = store });
            }
    }

    /// <summary>Today's weekday level scaled to the current day: growth, the week, the year, holidays and noise.</summary>
    private static double Seasonal(DemoWorld w, double weekend = 0.3, double yearly = 1, double noise = 0.08)
    {
        var day = w.Day;
        var week = day.DayOfWeek switch
        {
            DayOfWeek.Saturday or DayOfWeek.Sunday => weekend,
            DayOfWeek.Monday => 1.03,
            DayOfWeek.Friday => 0.9,
            _ => 1.0,
        };
        // Interpolate between mid-month levels so month boundaries are not steps.
        var position = day.Month - 1 + (day.Day - 15.5) / DateTime.DaysInMonth(day.Year, day.Month);
        var lower = (int)Math.Floor(position);
        var t = position - lower;
        var month = MonthlyLevel[(lower + 12) % 12] * (1 - t) + MonthlyLevel[(lower + 13) % 12] * t;
        var holiday = day is { Month: 12, Day: >= 24 and <= 26 } or { Month: 1, Day: 1 } ? 0.4 : 1.0;
        return w.Growth * week * (1 + yearly * (month - 1)) * holiday * Math.Exp(noise * w.Normal());
    }

    /// <summary>Opening stock: about four weeks of the first day's expected demand per SKU and warehouse.</summary>
    private static void StockUp(DemoWorld w)
    {
        var productWeight = 0.0;
        foreach (var p in Products) productWeight += p.Weight;
        var countryWeight = 0.0;
        var warehouseWeight = new double[Warehouses.Length];
        foreach (var c in Countries) { countryWeight += c.Weight; warehouseWeight[c.Warehouse] += c.Weight; }

        var ordersPerDay = OrdersPerWeekday * 0.8 * DemoWorld.GrowthAt(w.Days - 1);
        for (var p = 0; p < Products.Length; p++)
            for (var h = 0; h < Warehouses.Length; h++)
            {
                var units = ordersPerDay * Products[p].Weight / productWeight * warehouseWeight[h] / countryWeight * (1 + Products[p].MaxQuantity / 3.5);
                w.AverageDemand[p, h] = units;
                w.Stock[p, h] = Math.Round(units * w.Uniform(20, 32));
            }
    }

    private static MetricEventInput Event(string name, double value, string module, DateTime at, Dictionary<string, string>? dimensions = null, string? customerId = null) =>
        new(name, value, module, dimensions, new DateTimeOffset(at, TimeSpan.Zero), customerId);

    private static Dictionary<string, string> SkuAt(string sku, string warehouse) => new() { ["sku"] = sku, ["warehouse"] = warehouse };

    private static Dictionary<string, string> RefundDims(string product, string reason, DemoCustomer customer) => new()
    {
        ["product"] = product, ["reason"] = reason, ["currency"] = customer.Currency, ["country"] = customer.Country.Code,
    };

    private static Dictionary<string, string> AtStage(string stage, string source) => new() { ["stage"] = stage, ["source"] = source };

    private static Dictionary<string, string> TicketDims(int channel, int priority) =>
        new() { ["channel"] = TicketChannels[channel], ["priority"] = TicketPriorities[priority] };

    private static Dictionary<string, string> ForCampaign(string campaign, string channel) => new() { ["campaign"] = campaign, ["channel"] = channel };

    private static Dictionary<string, string> InDepartment(int d) => new() { ["department"] = Departments[d].Name };

    private static Dictionary<string, string> OnShift(string line, int shift) => new() { ["line"] = line, ["shift"] = Shifts[shift] };

    private static Dictionary<string, string> AlarmOn(string line, string severity) => new() { ["line"] = line, ["severity"] = severity };
}
