using Xunit.Abstractions;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>Runs graphql-http's server audits (through node) against a GraphQL endpoint and returns what each reported.</summary>
public static class GraphqlHttpAudit
{
    /// <summary>Every audit line (<c>status\tid\tname[ -- reason]</c>); anything not ok is also written to <paramref name="output"/>.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(string url, ITestOutputHelper output)
    {
        Assert.True(NodeTooling.IsAvailable, NodeTooling.MissingMessage);
        var directory = NodeTooling.ConformanceDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            var install = await NodeTooling.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci failed ({install.ExitCode}):\n{install.Output}\n{install.Error}");
        }

        var audit = await NodeTooling.RunAsync("node", ["audit.mjs", url], directory, TimeSpan.FromMinutes(2));
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
        return lines;
    }
}
