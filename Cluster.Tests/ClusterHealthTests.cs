using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace OurSociety.Federation.Cluster.Tests;

/// <summary>What the health endpoints and GraphQL say while the cluster is not there yet, and once it is.</summary>
public sealed class ClusterHealthTests(ITestOutputHelper log)
{
    [ClusterFact]
    public async Task An_api_started_before_any_silo_is_alive_but_not_ready_answers_unavailable_and_serves_once_a_silo_joins()
    {
        await using var postgres = await TestPostgres.CreateDatabaseAsync();
        await using var cluster = LocalCluster.Create(postgres, log, silos: 1);
        await cluster.StartApiAsync(waitUntilReady: false);
        await Wait.UntilAsync(async () => await cluster.Client.GetStatusAsync("/health/live") == HttpStatusCode.OK, "the Api to answer /health/live");

        var startup = await cluster.Client.GetStatusAsync("/health/startup");
        var ready = await cluster.Client.GetStatusAsync("/health/ready");
        var query = await cluster.Client.SendAsync(null, "{ networks { edges { node { slug } } } }", null);
        log.WriteLine($"no silo: /health/startup {(int)startup}, /health/ready {(int)ready}, GraphQL {query.Status} {query.Code} Retry-After {query.RetryAfter?.TotalSeconds}");

        var clock = Stopwatch.StartNew();
        await cluster.StartSiloAsync(0);
        await Wait.UntilAsync(async () => await cluster.Client.GetStatusAsync("/health/ready") == HttpStatusCode.OK, "the Api to be ready once a silo joined");
        log.WriteLine($"the Api was ready {clock.Elapsed.TotalSeconds:F1} s after the silo started");
        var served = await cluster.Client.SendAsync(null, "{ networks { edges { node { slug } } } }", null);

        using var siloHttp = new HttpClient { BaseAddress = cluster.SiloHealth(0) };
        var siloReady = JsonNode.Parse(await siloHttp.GetStringAsync(new Uri("/health/ready", UriKind.Relative)))!;
        var siloLive = await siloHttp.GetAsync(new Uri("/health/live", UriKind.Relative));
        var siloStartup = await siloHttp.GetAsync(new Uri("/health/startup", UriKind.Relative));
        log.WriteLine($"silo: /health/ready {siloReady.ToJsonString()}");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (startup, ready));
        Assert.Equal((503, "UNAVAILABLE", TimeSpan.FromSeconds(2)), (query.Status, query.Code, query.RetryAfter));
        Assert.Equal(200, served.Status);
        Assert.Equal(HttpStatusCode.OK, await cluster.Client.GetStatusAsync("/health/startup"));
        Assert.Equal("Healthy", siloReady["status"]!.GetValue<string>());
        Assert.Equal("Healthy", siloReady["checks"]!["cluster"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", siloReady["checks"]!["storage"]!["status"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (siloLive.StatusCode, siloStartup.StatusCode));
        Assert.False(cluster.Api!.HasExited);
        cluster.Passed();
    }
}
