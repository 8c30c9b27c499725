using System.Text.Json.Nodes;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>graphql-ws's own client (the protocol's reference implementation) against the transport on a real socket.</summary>
[Collection(NodeCollection.Name)]
public sealed class WebSocketNodeClientTests(WebSocketTransportHost host) : IClassFixture<WebSocketTransportHost>
{
    [NodeFact]
    public async Task The_graphql_ws_client_runs_queries_and_subscriptions_and_can_leave_a_stream_early()
    {
        Assert.True(NodeTooling.IsAvailable, NodeTooling.MissingMessage);
        var directory = NodeTooling.ConformanceDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "graphql-ws")))
        {
            var install = await NodeTooling.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci failed ({install.ExitCode}):\n{install.Output}\n{install.Error}");
        }

        var key = StreamProbe.NewKey();
        var run = await NodeTooling.RunAsync("node", ["ws-client.mjs", host.WebSocketUrl.ToString(), key], directory, TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, $"ws-client.mjs failed ({run.ExitCode}):\n{run.Output}\n{run.Error}");
        var seen = JsonNode.Parse(run.Output)!;
        Assert.Equal("Hello, node!", (string?)Assert.Single(seen["query"]!.AsArray())!["data"]?["hello"]);
        Assert.Equal([1, 2, 3], seen["ticks"]!.AsArray().Select(result => (int)result!["data"]!["ticks"]!));
        Assert.Equal("node", (string?)Assert.Single(seen["whoami"]!.AsArray())!["data"]?["whoami"]);
        Assert.Null(seen["validation"]);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", (string?)Assert.Single(seen["validationErrors"]!.AsArray())!["extensions"]?["code"]);
        Assert.Equal(0, (int?)seen["forever"]?["data"]?["forever"]);
        await StreamProbe.For(key).Disposed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
