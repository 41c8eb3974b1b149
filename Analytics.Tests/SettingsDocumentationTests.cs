using System.Text.Json;

namespace Analytics.Tests;

public sealed class SettingsDocumentationTests
{
    private static string RepositoryFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln"))) return Path.Combine(dir.FullName, name);
        throw new FileNotFoundException("Repository root not found.");
    }

    private static IEnumerable<string> Keys(JsonElement element, string prefix = "") =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().SelectMany(p => Keys(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}"))
            : [prefix];

    private static HashSet<string> Read(string name, bool comments)
    {
        var text = File.ReadAllText(RepositoryFile(name));
        var options = new JsonDocumentOptions { CommentHandling = comments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow };
        using var document = JsonDocument.Parse(text, options);
        return Keys(document.RootElement).ToHashSet();
    }

    [Fact]
    public void Every_setting_the_app_ships_is_documented_in_the_sample()
    {
        var shipped = Read("Analytics.Web/appsettings.json", comments: false);
        var documented = Read("appsettings.sample.json", comments: true);

        Assert.Empty(shipped.Except(documented));
    }

    [Theory]
    [InlineData(typeof(Analytics.Core.Data.DatabaseOptions))]
    [InlineData(typeof(Analytics.Core.Metrics.IngestOptions))]
    [InlineData(typeof(Analytics.Core.Data.Demo.DemoOptions))]
    [InlineData(typeof(Analytics.Core.Metrics.RetentionOptions))]
    [InlineData(typeof(Analytics.Core.Insights.AnomalyOptions))]
    [InlineData(typeof(Analytics.Core.Reports.ReportsOptions))]
    [InlineData(typeof(Analytics.Core.Reports.SmtpOptions))]
    [InlineData(typeof(Analytics.Web.Security.RateLimitOptions))]
    [InlineData(typeof(Analytics.Web.Operations.TelemetryOptions))]
    [InlineData(typeof(Analytics.Core.Reports.ReportRenderingOptions))]
    [InlineData(typeof(Analytics.Core.Customers.CustomerOptions))]
    public void Every_option_is_documented_in_the_sample(Type options)
    {
        var section = (string)options.GetField("Section")!.GetValue(null)!;
        var documented = Read("appsettings.sample.json", comments: true);

        foreach (var property in options.GetProperties())
            Assert.Contains($"{section}:{property.Name}", documented);
    }
}
