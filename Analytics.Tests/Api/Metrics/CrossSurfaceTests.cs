using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Core.Dashboards;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Api.Metrics;

/// <summary>
/// One question, one answer: a month's revenue of orders in several currencies (one without a rate) is the same figure,
/// in the same currency, from the metrics API, the summary, a widget, the report exports (CSV, XLSX, JSON and PDF), the
/// dashboard PDF and the KPI route; and random questions (range, grouping, breakdown, currency) agree between the
/// metrics API, the widget service and a report.
/// </summary>
public sealed class CrossSurfaceTests(QuietAppFactory app) : IClassFixture<QuietAppFactory>
{
    private static readonly string[] Products = ["Desk", "Lamp", "Chair", "Shelf"];
    private static readonly string[] Countries = ["US", "DE", "GB", "FR"];
    private static readonly string[] Currencies = ["usd", "eur", "gbp", "xts"];

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> OkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A tenant with 600 orders from December 2025 to February 2026 in four currencies, and rates for three of them.</summary>
    private async Task<(Tenant Tenant, HttpClient Client)> TenantAsync(string slug)
    {
        var (tenant, key) = await app.CreateTenantAsync(slug);
        var client = app.CreateClient(key);
        var rng = new Random(2026);
        var start = new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var events = Enumerable.Range(0, 600).Select(i => new
        {
            name = "order_value",
            value = Math.Round(rng.NextDouble() * 900 + 5, 2),
            module = "fulfillment",
            dimensions = new Dictionary<string, string>
            {
                ["product"] = Products[rng.Next(Products.Length)],
                ["country"] = Countries[rng.Next(Countries.Length)],
                ["currency"] = Currencies[rng.Next(Currencies.Length)],
            },
            timestamp = start.AddMinutes(rng.Next(90 * 24 * 60)),
        }).ToList();
        var posted = await client.PostAsJsonAsync($"/api/{slug}/metrics", events);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/analytics/exchange-rates", new { rates = new { eur = 0.9, gbp = 0.8 } })).StatusCode);
        return (tenant, client);
    }

    private static decimal Cents(double value) => Math.Round((decimal)value, 2);

    [Fact]
    public async Task January_revenue_is_one_figure_in_one_currency_on_every_surface()
    {
        var (tenant, client) = await TenantAsync("january");
        const string january = "from=2026-01-01&to=2026-01-31";

        // The metrics API: the figure, its currency and the orders left out for want of a rate.
        var query = await OkAsync(client, $"/api/january/metrics?name=order_value&group_by=month&{january}");
        var total = query.GetProperty("summary").GetProperty("total").GetDouble();
        Assert.Equal("usd", query.GetProperty("currency").GetString());
        Assert.True(query.GetProperty("unconverted_events").GetInt64() > 0);
        var expected = Cents(total);

        // What the orders add up to by hand: each currency's amounts at its rate, the one without a rate left out.
        var byHand = 0m;
        foreach (var (currency, rate) in new[] { ("usd", 1m), ("eur", 0.9m), ("gbp", 0.8m) })
        {
            var part = await OkAsync(client, $"/api/january/metrics?name=order_value&group_by=month&{january}&filter.currency={currency}&currency={currency}");
            byHand += (decimal)part.GetProperty("summary").GetProperty("total").GetDouble() / rate;
        }
        Assert.Equal(Math.Round(byHand, 2), expected);

        var summary = await OkAsync(client, $"/api/january/metrics/summary?{january}");
        var row = summary.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "order_value");
        Assert.Equal(expected, Cents(row.GetProperty("total").GetDouble()));
        Assert.Equal("usd", row.GetProperty("currency").GetString());

        var kpi = await OkAsync(client, $"/api/analytics/revenue?{january}");
        Assert.Equal(expected, kpi.GetProperty("summary").GetProperty("totalRevenue").GetDecimal());
        Assert.Equal("usd", kpi.GetProperty("summary").GetProperty("currency").GetString());

        // A widget over the custom month, as the dashboard and Explore draw it.
        var widget = new Widget { Type = WidgetTypes.KpiCard, Title = "Revenue", Metric = "order_value", Period = "custom", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 1, 31) };
        var answer = await AnswerAsync(tenant, widget);
        Assert.Equal(expected, Cents(answer.Trend!.Value!.Value));
        Assert.Equal("usd", answer.Series!.Currency);
        Assert.Equal("$", answer.Series.Format.Prefix);

        // The dashboard PDF prints the card's figure in full, with its currency.
        var shown = FigureFormat.Money("usd").Full(total);
        var dashboard = await client.PostAsync("/api/january/dashboards", Json($$"""
            { "name": "January", "widgets": [ { "type": "kpi_card", "title": "Revenue", "metric": "order_value", "period": "custom",
              "from": "2026-01-01", "to": "2026-01-31", "position": { "x": 0, "y": 0, "w": 4, "h": 2 } } ] }
            """));
        Assert.True(dashboard.StatusCode == HttpStatusCode.Created, await dashboard.Content.ReadAsStringAsync());
        var dashboardId = (await dashboard.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var dashboardPdf = await client.GetByteArrayAsync($"/api/january/dashboards/{dashboardId}/pdf");
        var dashboardText = await PdfText.ExtractAsync(dashboardPdf);
        Assert.True(dashboardText.Contains(shown, StringComparison.Ordinal), dashboardText);

        // A report of the month in every format.
        foreach (var format in new[] { "csv", "xlsx", "json", "pdf" })
        {
            var file = await ReportAsync(client, "january", format, "order_value", "month");
            switch (format)
            {
                case "csv":
                    using (var csv = CsvReader.FromText(Encoding.UTF8.GetString(file).TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = true }))
                    {
                        var (sum, currencies) = (0.0, new HashSet<string>());
                        while (csv.Read())
                        {
                            sum += double.Parse(csv.GetString("value"), CultureInfo.InvariantCulture);
                            currencies.Add(csv.GetString("currency"));
                        }
                        Assert.Equal(expected, Cents(sum));
                        Assert.Equal(["usd"], currencies);
                    }
                    break;
                case "xlsx":
                    using (var book = new XLWorkbook(new MemoryStream(file)))
                    {
                        var sheet = book.Worksheet("Summary");
                        Assert.Equal("Currency", sheet.Cell(1, 8).GetString());
                        Assert.Equal(expected, Cents(sheet.Cell(2, 4).GetDouble()));
                        Assert.Equal("USD", sheet.Cell(2, 8).GetString());
                    }
                    break;
                case "json":
                    var metric = JsonDocument.Parse(file).RootElement.GetProperty("metrics")[0];
                    Assert.Equal(expected, Cents(metric.GetProperty("value").GetDouble()));
                    Assert.Equal("usd", metric.GetProperty("currency").GetString());
                    break;
                case "pdf":
                    Assert.Contains(shown, await PdfText.ExtractAsync(file));
                    break;
            }
        }
    }

    [Fact]
    public async Task Random_questions_get_the_same_answer_from_the_api_a_widget_and_a_report()
    {
        var (tenant, client) = await TenantAsync("random");
        var rng = new Random(7);
        for (var i = 0; i < 8; i++)
        {
            var from = new DateOnly(2025, 12, 1).AddDays(rng.Next(50));
            var to = from.AddDays(rng.Next(1, 40));
            var grouping = new[] { "day", "week", "month" }[rng.Next(3)];
            var by = new[] { null, "product", "country", "currency" }[rng.Next(4)];
            var currency = new[] { "usd", "eur", "gbp" }[rng.Next(3)];
            var question = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&group_by={grouping}&currency={currency}" + (by is null ? "" : $"&by={by}");

            var api = await OkAsync(client, $"/api/random/metrics?name=order_value&{question}");
            Assert.Equal(currency, api.GetProperty("currency").GetString());
            var kpi = await OkAsync(client, $"/api/analytics/revenue?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&currency={currency}");
            Assert.Equal(Cents(api.GetProperty("summary").GetProperty("total").GetDouble()), kpi.GetProperty("summary").GetProperty("totalRevenue").GetDecimal());

            var widget = new Widget
            {
                Type = by is null ? WidgetTypes.LineChart : WidgetTypes.BarChart, Title = "Orders", Metric = "order_value", Period = "custom",
                From = from, To = to, GroupBy = grouping, By = by,
            };
            var answer = await AnswerAsync(tenant, widget, currency);
            Assert.Equal(api.GetProperty("data").EnumerateArray().Select(p => Cents(p.GetProperty("value").GetDouble())), answer.Series!.Data.Select(p => Cents(p.Value!.Value)));
            if (by is not null)
                Assert.Equal(
                    api.GetProperty("breakdown").EnumerateArray().Select(b => (b.GetProperty("value").GetString(), Cents(b.GetProperty("total").GetDouble()))),
                    answer.Series.Breakdown.Select(b => ((string?)b.Value, Cents(b.Total!.Value))));
            if (by is null && currency == "usd")
            {
                var document = JsonDocument.Parse(await ReportAsync(client, "random", "json", "order_value", grouping, from, to)).RootElement;
                Assert.Equal(api.GetProperty("data").EnumerateArray().Select(p => Cents(p.GetProperty("value").GetDouble())),
                    document.GetProperty("metrics")[0].GetProperty("data").EnumerateArray().Select(p => Cents(p.GetProperty("value").GetDouble())));
            }
        }
    }

    /// <summary>The widget's answer through the one widget query the dashboards, their PDF and Explore use.</summary>
    private async Task<WidgetAnswer> AnswerAsync(Tenant tenant, Widget widget, string? currency = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var caller = new Caller(tenant.Id, tenant.Slug, null, new HashSet<string> { Roles.Admin }, false);
        var answer = await scope.ServiceProvider.GetRequiredService<WidgetQuery>().AnswerAsync(caller, widget, null, CancellationToken.None, currency);
        Assert.Null(answer.Error);
        return answer;
    }

    /// <summary>Creates a report of one metric over a month (or the given days), waits for its run and downloads the file.</summary>
    private static async Task<byte[]> ReportAsync(HttpClient client, string slug, string format, string metric, string groupBy, DateOnly? from = null, DateOnly? to = null)
    {
        var body = JsonSerializer.Serialize(new
        {
            name = $"{metric} {format}",
            metrics = new[] { metric },
            format,
            group_by = groupBy,
            filters = new { date_range = "custom", from = (from ?? new DateOnly(2026, 1, 1)).ToString("yyyy-MM-dd"), to = (to ?? new DateOnly(2026, 1, 31)).ToString("yyyy-MM-dd") },
        });
        var created = await client.PostAsync($"/api/{slug}/reports", Json(body));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = (await OkAsync(client, $"/api/{slug}/reports/{id}")).GetProperty("last_run");
            var status = run.GetProperty("status").GetString();
            if (status == "succeeded") break;
            Assert.True(status != "failed", run.ToString());
            Assert.True(DateTime.UtcNow < deadline, $"The run is still {status}.");
            await Task.Delay(100);
        }
        return await client.GetByteArrayAsync($"/api/{slug}/reports/{id}/download");
    }
}
