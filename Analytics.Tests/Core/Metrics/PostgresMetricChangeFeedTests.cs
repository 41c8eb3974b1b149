using System.Text;
using System.Text.Json;
using Analytics.Core.Metrics;

namespace Analytics.Tests.Core.Metrics;

public sealed class PostgresMetricChangeFeedTests
{
    [Fact]
    public void A_long_list_of_names_goes_out_in_notifications_under_the_size_limit_of_NOTIFY()
    {
        var node = Guid.NewGuid();
        var names = Enumerable.Range(0, 1500).Select(i => $"metric_with_a_long_name_{i:0000}_ü").ToList();

        var payloads = PostgresMetricChangeFeed.Payloads(node, 7, names).ToList();

        Assert.True(payloads.Count > 1);
        Assert.All(payloads, p => Assert.True(Encoding.UTF8.GetByteCount(p) < 8000, $"{Encoding.UTF8.GetByteCount(p)} bytes"));
        var read = payloads.Select(p => JsonDocument.Parse(p).RootElement).ToList();
        Assert.All(read, r => Assert.Equal(7, r.GetProperty("Tenant").GetInt32()));
        Assert.All(read, r => Assert.Equal(node, r.GetProperty("Node").GetGuid()));
        Assert.Equal(names, read.SelectMany(r => r.GetProperty("Names").EnumerateArray().Select(n => n.GetString()!)));
    }

    [Fact]
    public void A_short_list_is_one_notification()
    {
        var payloads = PostgresMetricChangeFeed.Payloads(Guid.NewGuid(), 1, ["order_value", "order_count"]).ToList();

        var payload = Assert.Single(payloads);
        Assert.Contains("\"Names\":[\"order_value\",\"order_count\"]", payload);
    }
}
