namespace Analytics.Web.Operations;

/// <summary>Where the app sends its metrics over OpenTelemetry (OTLP); without an endpoint nothing is exported.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>An OTLP collector, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> with <see cref="Protocol"/> http.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http</c> (http/protobuf).</summary>
    public string Protocol { get; set; } = "grpc";

    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(30);
}
