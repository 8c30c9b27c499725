using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using Orleans.Diagnostics;

namespace OurSociety.Federation.Hosting;

/// <summary>OpenTelemetry and the Orleans dashboard, the parts every host of the hub shares.</summary>
public static class HubTelemetryExtensions
{
    /// <summary>The meter Orleans records its runtime and grain metrics on.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The meter .NET records GC, thread-pool and memory figures on.</summary>
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>
    /// Metrics and traces of Orleans, Npgsql and the .NET runtime, exported as <see cref="HubTelemetryOptions"/> say
    /// (nothing at all with the default <c>None</c>). The host adds its own instrumentation through
    /// <paramref name="metrics"/> and <paramref name="tracing"/>; with Prometheus, <see cref="MapHubMetrics"/> serves
    /// the scrape on the host's HTTP port.
    /// </summary>
    public static IHostApplicationBuilder AddHubTelemetry(
        this IHostApplicationBuilder builder,
        string defaultServiceName,
        Action<MeterProviderBuilder>? metrics = null,
        Action<TracerProviderBuilder>? tracing = null)
    {
        var options = BindTelemetryOptions(builder);
        if (options.ExporterKind == HubTelemetryExporter.None)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                options.ServiceName ?? defaultServiceName,
                serviceVersion: typeof(HubTelemetryExtensions).Assembly.GetName().Version?.ToString(),

                // In Kubernetes the host name is the pod's name, which says which replica a series comes from.
                serviceInstanceId: Environment.MachineName))
            .WithMetrics(meters =>
            {
                meters.AddMeter(OrleansMeter, RuntimeMeter).AddNpgsqlInstrumentation();
                metrics?.Invoke(meters);
                if (options.ExporterKind == HubTelemetryExporter.Prometheus)
                {
                    meters.AddPrometheusExporter();
                }
            });

        // Prometheus only scrapes metrics; traces need a collector.
        if (options.ExporterKind == HubTelemetryExporter.Otlp)
        {
            telemetry
                .WithTracing(traces =>
                {
                    traces.AddSource(ActivitySources.AllActivitySourceName).AddNpgsql();
                    tracing?.Invoke(traces);
                })
                .UseOtlpExporter(options.OtlpOverHttp ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc, new Uri(options.OtlpEndpoint!));
        }

        return builder;
    }

    /// <summary>The Prometheus scrape at <see cref="HubTelemetryOptions.PrometheusPath"/>, when that is the exporter.</summary>
    public static IEndpointRouteBuilder MapHubMetrics(this IEndpointRouteBuilder endpoints)
    {
        var telemetry = endpoints.ServiceProvider.GetRequiredService<IOptions<HubTelemetryOptions>>().Value;
        if (telemetry.ExporterKind == HubTelemetryExporter.Prometheus)
        {
            endpoints.MapPrometheusScrapingEndpoint(telemetry.PrometheusPath);
        }

        return endpoints;
    }

    /// <summary>
    /// What a silo adds for telemetry and the dashboard: Orleans' trace context carried across grain calls when traces
    /// are exported, and the dashboard's silo side when <see cref="HubDashboardOptions.Enabled"/> (needed on every silo
    /// for the dashboard to see it).
    /// </summary>
    public static ISiloBuilder AddHubSiloTelemetry(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (HubSettings.Read<HubTelemetryOptions>(configuration, HubTelemetryOptions.Section).ExporterKind == HubTelemetryExporter.Otlp)
        {
            silo.AddActivityPropagation();
        }

        var dashboard = BindDashboardOptions(silo.Services, configuration);
        if (dashboard.Enabled)
        {
            silo.AddDashboard(dashboard.Apply);
        }

        return silo;
    }

    /// <summary>Binds <see cref="HubTelemetryOptions"/>, validated at start, and returns the values to configure the exporters with now.</summary>
    public static HubTelemetryOptions BindTelemetryOptions(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HubTelemetryOptions>().Bind(builder.Configuration.GetSection(HubTelemetryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return HubSettings.Read<HubTelemetryOptions>(builder.Configuration, HubTelemetryOptions.Section);
    }

    /// <summary>Binds <see cref="HubDashboardOptions"/>, validated at start, and returns them for the registration to decide by now.</summary>
    public static HubDashboardOptions BindDashboardOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HubDashboardOptions>().Bind(configuration.GetSection(HubDashboardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return HubSettings.Read<HubDashboardOptions>(configuration, HubDashboardOptions.Section);
    }

    /// <summary>Carries the hub's dashboard settings over to the Orleans dashboard's own options.</summary>
    public static void Apply(this HubDashboardOptions options, DashboardOptions dashboard)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dashboard);
        dashboard.HideTrace = options.HideTrace;
        dashboard.CounterUpdateIntervalMs = options.CounterUpdateIntervalMs;
    }
}
