using Analytics.Core;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Analytics.Web.Operations;

/// <summary>
/// OpenTelemetry metrics: ASP.NET Core's request and connection meters, the runtime's, and the product's own
/// (<see cref="AnalyticsInstruments"/>), pushed over OTLP when <c>Telemetry:OtlpEndpoint</c> is set.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddAnalyticsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section))
            .Validate(o => o.OtlpEndpoint is null or "" || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _), "Telemetry:OtlpEndpoint must be an absolute URL.")
            .Validate(o => o.Protocol is "grpc" or "http", "Telemetry:Protocol is grpc or http.")
            .ValidateOnStart();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrEmpty(options.OtlpEndpoint)) return services;

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("analytics"))
            .WithMetrics(metrics => metrics
                .AddMeter(AnalyticsInstruments.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
                .AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = new Uri(options.OtlpEndpoint);
                    exporter.Protocol = options.Protocol == "http" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ExportInterval.TotalMilliseconds;
                }));
        return services;
    }
}
