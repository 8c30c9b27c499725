using System.Net;
using OurSociety.Federation.Api.Tests.Access;

namespace OurSociety.Federation.Api.Tests.Operations;

public sealed class TelemetryTests
{
    [Fact]
    public async Task After_a_GraphQL_request_the_Prometheus_scrape_has_its_HTTP_metric_and_Orleans_metrics()
    {
        await using var hub = await ConfiguredHub.StartAsync("--Hub:Telemetry:Exporter=Prometheus");
        using var graphql = await hub.Http.GetAsync("/graphql?query=%7B%20networks%20%7B%20edges%20%7B%20node%20%7B%20slug%20%7D%20%7D%20%7D%20%7D");
        Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);

        var scrape = await ScrapeAsync(hub, "/metrics");

        // One request to /graphql (the scrape itself is still in flight), and the networks query woke one directory grain.
        Assert.Contains(
            "http_server_request_duration_seconds_count{otel_scope_name=\"Microsoft.AspNetCore.Hosting\",http_request_method=\"GET\",http_response_status_code=\"200\",http_route=\"/graphql\",network_protocol_version=\"1.1\",url_scheme=\"http\"} 1",
            scrape);
        Assert.Contains("orleans_grains{otel_scope_name=\"Microsoft.Orleans\",grain_type=\"networkdirectory\"} 1", scrape);
        Assert.Contains(scrape, line => line.StartsWith("target_info{service_name=\"oursociety-api\",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_scrape_path_is_the_configured_one()
    {
        await using var hub = await ConfiguredHub.StartAsync("--Hub:Telemetry:Exporter=prometheus", "--Hub:Telemetry:PrometheusPath=/internal/metrics");

        using var old = await hub.Http.GetAsync("/metrics");
        var scrape = await ScrapeAsync(hub, "/internal/metrics");

        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Contains(scrape, line => line.StartsWith("# TYPE ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_exporter_nothing_is_served_for_a_scrape()
    {
        await using var hub = await ConfiguredHub.StartAsync();

        using var response = await hub.Http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_OTLP_the_collector_receives_the_GraphQL_requests_trace_with_its_grain_calls_and_the_metrics()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var hub = await ConfiguredHub.StartAsync(
            "--Hub:Telemetry:Exporter=Otlp", $"--Hub:Telemetry:OtlpEndpoint={collector.Endpoint}", "--Hub:Telemetry:OtlpProtocol=HttpProtobuf");
        await using (hub)
        {
            using var graphql = await hub.Http.GetAsync("/graphql?query=%7B%20networks%20%7B%20edges%20%7B%20node%20%7B%20slug%20%7D%20%7D%20%7D%20%7D");
            Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
        }

        // Stopping the hub flushes what it has not exported yet.
        Assert.True(collector.Received("/v1/traces", "oursociety-api"));
        Assert.True(collector.Received("/v1/traces", "Microsoft.AspNetCore"));
        Assert.True(collector.Received("/v1/traces", "Microsoft.Orleans.Application"));
        Assert.True(collector.Received("/v1/traces", "INetworkDirectoryGrain"));
        Assert.True(collector.Received("/v1/metrics", "http.server.request.duration"));
        Assert.True(collector.Received("/v1/metrics", "orleans-grains"));
    }

    private static async Task<string[]> ScrapeAsync(ConfiguredHub hub, string path)
    {
        using var response = await hub.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync()).Split('\n');
    }
}
