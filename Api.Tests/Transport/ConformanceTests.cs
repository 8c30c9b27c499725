using Xunit.Abstractions;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// graphql-http's server audits (the GraphQL-over-HTTP spec's reference suite) against the transport
/// on a real socket. MUST audits have to pass; SHOULD and MAY results are listed in the test output.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class ConformanceTests(LoopbackTransportHost host, ITestOutputHelper output) : IClassFixture<LoopbackTransportHost>
{
    [NodeFact]
    public async Task Graphql_http_server_audits_report_no_must_failures()
    {
        Assert.True(NodeTooling.IsAvailable, NodeTooling.MissingMessage);
        var directory = NodeTooling.ConformanceDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            var install = await NodeTooling.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci failed ({install.ExitCode}):\n{install.Output}\n{install.Error}");
        }

        var audit = await NodeTooling.RunAsync("node", ["audit.mjs", host.GraphQLUrl], directory, TimeSpan.FromMinutes(2));

        var lines = audit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines.Where(line => !line.StartsWith("ok\t", StringComparison.Ordinal)))
        {
            output.WriteLine(line);
        }

        var failures = lines.Where(line => line.StartsWith("error\t", StringComparison.Ordinal)).ToList();
        Assert.True(
            audit.ExitCode == 0 && failures.Count == 0,
            $"graphql-http audits failed (exit {audit.ExitCode}):\n{string.Join('\n', failures)}\n{audit.Error}");
        Assert.Contains(lines, line => line.StartsWith("summary:", StringComparison.Ordinal));
    }
}
