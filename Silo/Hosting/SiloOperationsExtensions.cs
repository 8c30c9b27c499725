using OpenTelemetry.Metrics;
using OurSociety.Federation.Hosting;

namespace OurSociety.Federation.Silo.Hosting;

/// <summary>What an operator needs from a silo host: its graceful-stop timeout and OpenTelemetry.</summary>
public static class SiloOperationsExtensions
{
    /// <summary>
    /// <c>HostOptions:ShutdownTimeout</c>, and metrics and traces of Orleans and Npgsql as <c>Hub:Telemetry</c> says.
    /// With the Prometheus exporter the silo serves the scrape on a listener of its own, on every address, at
    /// <c>Hub:Telemetry:PrometheusPort</c> and <c>Hub:Telemetry:PrometheusPath</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSiloOperations(this IHostApplicationBuilder builder)
    {
        builder.AddHubShutdownTimeout();
        return builder.AddHubTelemetry(
            "oursociety-silo",
            prometheus: (metrics, options) => metrics.AddPrometheusHttpListener(listener =>
            {
                listener.Port = options.PrometheusPort;
                listener.ScrapeEndpointPath = options.PrometheusPath;

                // Every address, as Prometheus scrapes the pod's IP: HttpListener's wildcard prefix, which the
                // exporter's host name setting cannot express.
                listener.ConfigureHttpListener = (_, http) =>
                {
                    http.Prefixes.Clear();
                    http.Prefixes.Add($"http://+:{options.PrometheusPort}/");
                };
            }));
    }
}
