using OurSociety.Federation.Hosting;

namespace OurSociety.Federation.Silo.Hosting;

/// <summary>What an operator needs from a silo host: its graceful-stop timeout and OpenTelemetry.</summary>
public static class SiloOperationsExtensions
{
    /// <summary>
    /// <c>HostOptions:ShutdownTimeout</c>, and metrics and traces of Orleans and Npgsql as <c>Hub:Telemetry</c> says.
    /// With the Prometheus exporter the silo serves the scrape beside its health endpoints, on <c>Hub:Health:Urls</c>
    /// at <c>Hub:Telemetry:PrometheusPath</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSiloOperations(this IHostApplicationBuilder builder)
    {
        builder.AddHubShutdownTimeout();
        return builder.AddHubTelemetry("oursociety-silo");
    }
}
