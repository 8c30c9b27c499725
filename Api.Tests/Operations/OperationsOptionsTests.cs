using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Api.Hosting;

namespace OurSociety.Federation.Api.Tests.Operations;

public sealed class OperationsOptionsTests
{
    [Theory]
    [InlineData("--Hub:Telemetry:Exporter=Prometeus", "Hub:Telemetry:Exporter is 'Prometeus'; it must be None, Otlp or Prometheus.")]
    [InlineData("--Hub:Telemetry:Exporter=2", "Hub:Telemetry:Exporter is '2'; it must be None, Otlp or Prometheus.")]
    [InlineData("--Hub:Telemetry:Exporter=Otlp", "Hub:Telemetry:OtlpEndpoint must be the absolute http or https URL of an OTLP collector")]
    [InlineData("--Hub:Telemetry:Exporter=Otlp --Hub:Telemetry:OtlpEndpoint=ftp://collector", "Hub:Telemetry:OtlpEndpoint must be the absolute http or https URL")]
    [InlineData("--Hub:Telemetry:Exporter=Prometheus --Hub:Telemetry:PrometheusPath=metrics", "Hub:Telemetry:PrometheusPath is 'metrics'; it must be a path below the root such as /metrics.")]
    [InlineData("--Hub:Dashboard:Enabled=true --Hub:Dashboard:Path=/", "Hub:Dashboard:Path is '/'; it must be a path below the root without a trailing slash, such as /dashboard.")]
    [InlineData("--Hub:Dashboard:Enabled=true --Hub:Dashboard:CounterUpdateIntervalMs=10", "Hub:Dashboard:CounterUpdateIntervalMs must be between 1000 and 60000.")]
    [InlineData("--HostOptions:ShutdownTimeout=soon", "HostOptions:ShutdownTimeout is 'soon'; it must be a time span between 00:00:01 and 00:30:00, such as 00:02:00.")]
    [InlineData("--HostOptions:ShutdownTimeout=00:00:00", "HostOptions:ShutdownTimeout is '00:00:00'; it must be a time span between")]
    public void A_bad_telemetry_dashboard_or_shutdown_setting_stops_the_hub_before_it_starts(string settings, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => HubApp.Build(settings.Split(' ')));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_OTLP_protocol_other_than_gRPC_or_HTTP_protobuf_is_refused()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => HubApp.Build(
            ["--Hub:Telemetry:Exporter=Otlp", "--Hub:Telemetry:OtlpEndpoint=http://127.0.0.1:4317", "--Hub:Telemetry:OtlpProtocol=thrift"]));

        Assert.Equal("Hub:Telemetry:OtlpProtocol is 'thrift'; it must be Grpc or HttpProtobuf.", failure.Failures.Single());
    }

    [Fact]
    public async Task The_configured_shutdown_timeout_is_the_hosts()
    {
        await using var app = HubApp.Build(["--HostOptions:ShutdownTimeout=00:02:00"]);

        Assert.Equal(TimeSpan.FromMinutes(2), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
