using System.ComponentModel.DataAnnotations;

namespace OurSociety.Federation.Hosting;

/// <summary>Where the hub's metrics and traces go.</summary>
public enum HubTelemetryExporter
{
    /// <summary>Nothing is collected or exported (the default).</summary>
    None,

    /// <summary>Metrics and traces are pushed over OTLP to <see cref="HubTelemetryOptions.OtlpEndpoint"/>.</summary>
    Otlp,

    /// <summary>Metrics are served for a Prometheus scrape; traces are not exported.</summary>
    Prometheus,
}

/// <summary>
/// OpenTelemetry for the Api and the Silo, bound from <c>Hub:Telemetry</c> and validated at start. The exporter is
/// a string so that a misspelt one fails with the list of those that exist rather than a binder error.
/// </summary>
public sealed class HubTelemetryOptions : IValidatableObject
{
    public const string Section = "Hub:Telemetry";

    /// <summary><c>None</c> (default), <c>Otlp</c> or <c>Prometheus</c>, in any case.</summary>
    public string Exporter { get; set; } = nameof(HubTelemetryExporter.None);

    /// <summary>The OTLP collector, e.g. <c>http://otel-collector:4317</c> (gRPC) or <c>http://otel-collector:4318</c> (HTTP).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "Grpc";

    /// <summary>The path of the Prometheus scrape: on the Api's HTTP port, and on a Silo's health address.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>The <c>service.name</c> resource attribute; each host gives its own default.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Hub:Telemetry:ServiceName is 1 to 100 letters, digits, '.', '_' or '-'.")]
    public string? ServiceName { get; set; }

    /// <summary>The exporter chosen, once <see cref="Exporter"/> has been validated.</summary>
    public HubTelemetryExporter ExporterKind =>
        Enum.TryParse<HubTelemetryExporter>(Exporter, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : HubTelemetryExporter.None;

    /// <summary>Whether OTLP uses HTTP/protobuf rather than gRPC, once <see cref="OtlpProtocol"/> has been validated.</summary>
    public bool OtlpOverHttp => string.Equals(OtlpProtocol, "HttpProtobuf", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.TryParse<HubTelemetryExporter>(Exporter, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Exporter, out _))
        {
            yield return new ValidationResult(
                $"{Section}:Exporter is '{Exporter}'; it must be None, Otlp or Prometheus.", [nameof(Exporter)]);
            yield break;
        }

        if (kind == HubTelemetryExporter.Otlp)
        {
            if (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult(
                    $"{Section}:OtlpEndpoint must be the absolute http or https URL of an OTLP collector (for example http://otel-collector:4317) when {Section}:Exporter is Otlp.",
                    [nameof(OtlpEndpoint)]);
            }

            if (!string.Equals(OtlpProtocol, "Grpc", StringComparison.OrdinalIgnoreCase) && !OtlpOverHttp)
            {
                yield return new ValidationResult($"{Section}:OtlpProtocol is '{OtlpProtocol}'; it must be Grpc or HttpProtobuf.", [nameof(OtlpProtocol)]);
            }
        }

        if (kind == HubTelemetryExporter.Prometheus
            && (string.IsNullOrEmpty(PrometheusPath) || PrometheusPath[0] != '/' || PrometheusPath.Length == 1 || PrometheusPath.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult(
                $"{Section}:PrometheusPath is '{PrometheusPath}'; it must be a path below the root such as /metrics.", [nameof(PrometheusPath)]);
        }
    }
}
