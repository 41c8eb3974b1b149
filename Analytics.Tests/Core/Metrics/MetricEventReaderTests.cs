using System.Text;
using System.Text.Json;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;

namespace Analytics.Tests.Core.Metrics;

public sealed class MetricEventReaderTests
{
    private static MetricEventList Read(string json) => MetricEventReader.Read(Encoding.UTF8.GetBytes(json));

    private static (string Field, string Message) Refusal(string json)
    {
        var e = Assert.Throws<InvalidInputException>(() => Read(json));
        var (field, messages) = e.Errors.Single();
        return (field, messages.Single());
    }

    [Fact]
    public void A_batch_reads_as_the_serializer_reads_it_and_keeps_each_events_dimensions_as_sent()
    {
        const string body = """
            [
              { "name": "order_value", "value": 12.5, "module": "sales", "dimensions": { "country": "DE", "channel": "web" },
                "timestamp": "2026-03-15T10:00:00+01:00", "customer_id": "c-1" },
              { "Name": "order_count", "VALUE": 1, "module": "fulfillment", "dimensions": {"country":"D\u00c9"} },
              { "name": "csat", "value": -3e2, "module": "support", "dimensions": null, "timestamp": null, "customer_id": null },
              { "name": null, "value": null, "module": null, "dimensions": { "country": null } }
            ]
            """;
        var read = Read(body);

        var serializer = JsonSerializer.Deserialize<List<MetricEventInput>>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        })!;
        Assert.Equal(serializer.Count, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Equal(serializer[i] with { Dimensions = null }, read[i] with { Dimensions = null });
            Assert.Equal(serializer[i].Dimensions?.OrderBy(d => d.Key), read[i].Dimensions?.OrderBy(d => d.Key));
        }
        Assert.Equal("DÉ", read[1].Dimensions!["country"]);
        Assert.Equal("""{ "country": "DE", "channel": "web" }""", read.DimensionsJsonAt(0));
        Assert.Equal("""{"country":"D\u00c9"}""", read.DimensionsJsonAt(1));
        Assert.Equal("{}", read.DimensionsJsonAt(2));
        // A batch's repeated strings are one instance each.
        Assert.Same(read[0].Dimensions!.Keys.First(), read[1].Dimensions!.Keys.First());
    }

    [Theory]
    [InlineData("1e999", double.PositiveInfinity)]
    [InlineData("-1E+400", double.NegativeInfinity)]
    public void A_number_too_large_for_a_double_reads_as_infinite_for_validation_to_refuse(string number, double expected)
    {
        var read = Read($$"""[{ "name": "csat", "value": 4, "module": "support" }, { "name": "csat", "value": {{number}}, "module": "support" }]""");

        Assert.Equal(expected, read[1].Value);
    }

    [Fact]
    public void One_object_is_a_batch_of_one_and_a_repeated_dimension_keeps_its_last_value()
    {
        var read = Read("""{ "name": "csat", "value": 4, "module": "support", "dimensions": { "channel": "web", "channel": "store" } }""");

        Assert.Equal("store", Assert.Single(read).Dimensions!["channel"]);
        Assert.Equal("store", JsonDocument.Parse(read.DimensionsJsonAt(0)).RootElement.GetProperty("channel").GetString());
        Assert.Single(JsonDocument.Parse(read.DimensionsJsonAt(0)).RootElement.EnumerateObject());
    }

    [Theory]
    [InlineData("""{ "name": "csat", "value": "many", "module": "support" }""", "value", "This value has the wrong type.")]
    [InlineData("""[{ "name": "csat", "value": 1, "module": "support" }, { "name": 7 }]""", "[1].name", "This value has the wrong type.")]
    [InlineData("""[{ "name": "csat", "value": 1, "module": "support", "colour": "red" }]""", "[0].colour", "Unknown field.")]
    [InlineData("""{ "name": "csat", "dimensions": { "channel": { "deep": "x" } } }""", "dimensions.channel", "This value has the wrong type.")]
    [InlineData("""{ "name": "csat", "dimensions": ["web"] }""", "dimensions", "This value has the wrong type.")]
    [InlineData("""{ "name": "csat", "timestamp": "yesterday" }""", "timestamp", "This value has the wrong type.")]
    [InlineData("""[{ "name": "csat" }, null]""", "[1]", "Each item must be an object.")]
    [InlineData("""[42]""", "[0]", "This value has the wrong type.")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "[0]", "This value has the wrong type.")]
    [InlineData("42", "body", "Send one object or an array of them.")]
    [InlineData("", "body", "Send one object or an array of them.")]
    public void Bad_input_is_refused_under_the_path_of_its_field(string body, string field, string message) =>
        Assert.Equal((field, message), Refusal(body));

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "name": "csat" } { "name": "csat" }""")]
    [InlineData("""[{ "name": "csat" }""")]
    [InlineData("""{ "name": "csat", }""")]
    public void Malformed_json_is_refused_with_where_it_breaks(string body)
    {
        var (field, message) = Refusal(body);
        Assert.Equal("body", field);
        Assert.StartsWith("Malformed JSON at line 1, position ", message);
    }
}
