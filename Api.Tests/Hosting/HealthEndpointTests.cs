using System.Net;
using System.Text.Json.Nodes;
using OurSociety.Federation.Api.Tests.Hub;

namespace OurSociety.Federation.Api.Tests.Hosting;

/// <summary>The embedded hub (one process, its own silo, SQLite) answers its three health endpoints.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task The_embedded_hub_is_live_started_and_ready_once_its_silo_is_active()
    {
        await using var hub = await HubHost.StartSqliteAsync();

        var live = await hub.Http.GetAsync(new Uri("/health/live", UriKind.Relative));
        var startup = await hub.Http.GetAsync(new Uri("/health/startup", UriKind.Relative));
        var ready = await hub.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var readyBody = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        var liveBody = JsonNode.Parse(await live.Content.ReadAsStringAsync())!;

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (live.StatusCode, startup.StatusCode, ready.StatusCode));
        Assert.Equal("Healthy", readyBody["checks"]!["cluster"]!["status"]!.GetValue<string>());
        Assert.StartsWith("Active in cluster", readyBody["checks"]!["cluster"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["process"], liveBody["checks"]!.AsObject().Select(c => c.Key));
        Assert.Equal("no-store", live.Headers.CacheControl?.ToString());
    }
}
