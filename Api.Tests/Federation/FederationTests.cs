using System.Text.Json.Nodes;
using OurSociety.Federation.Api.Tests.Hub;
using OurSociety.Federation.Api.Tests.Transport;
using Xunit.Abstractions;

namespace OurSociety.Federation.Api.Tests.Subgraph;

/// <summary>The hub as an Apollo Federation v2 subgraph: its SDL for the router, and entity references resolved like node(id:).</summary>
public sealed class FederationTests(SqliteHubFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteHubFixture>
{
    private const string Entities = """
        query($representations: [_Any!]!) { _entities(representations: $representations) {
          __typename ... on Network { slug name } ... on Organisation { name } ... on Activity { title visibility } } }
        """;

    private readonly HubHost _hub = fixture.Hub;

    [Fact]
    public async Task The_service_sdl_links_federation_2_and_keys_the_three_entities()
    {
        var sdl = (await _hub.GraphQLAsync("{ _service { sdl } }"))["data"]!["_service"]!["sdl"]!.GetValue<string>();

        Assert.Contains("@link(url: \"https://specs.apollo.dev/federation/v2.3\"", sdl, StringComparison.Ordinal);
        Assert.Matches("type Network implements Node @key\\(fields: \"id\"\\) @key\\(fields: \"slug\"\\)", sdl);
        Assert.Matches("type Organisation implements Node @key\\(fields: \"id\"\\)", sdl);
        Assert.Matches("type Activity implements Node @key\\(fields: \"id\"\\)", sdl);
    }

    [Fact]
    public async Task Entities_resolve_networks_organisations_and_public_activities_and_hide_the_rest_like_node_does()
    {
        var tour = await Tour.RunAsync(_hub);
        var network = Tour.NetworkOf(await tour.SecondPerson.GraphQLAsync(Tour.Network, new { slug = tour.Slug }));
        var activities = network["feed"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToArray();
        var publicActivity = activities.Single(a => a.Str("visibility") == "PUBLIC").Str("id");
        var membersOnly = activities.Single(a => a.Str("visibility") == "NETWORK").Str("id");
        object[] representations =
        [
            new Dictionary<string, string> { ["__typename"] = "Network", ["id"] = network.Str("id") },
            new Dictionary<string, string> { ["__typename"] = "Network", ["slug"] = tour.Slug },
            new Dictionary<string, string> { ["__typename"] = "Organisation", ["id"] = tour.First },
            new Dictionary<string, string> { ["__typename"] = "Activity", ["id"] = publicActivity },
            new Dictionary<string, string> { ["__typename"] = "Activity", ["id"] = membersOnly },
            new Dictionary<string, string> { ["__typename"] = "Network", ["id"] = tour.First },
        ];

        var anonymous = await EntitiesAsync(_hub.Anonymous, representations);
        var member = await EntitiesAsync(tour.SecondPerson, representations);

        Assert.Equal(tour.Slug, anonymous[0]!.Str("slug"));
        Assert.Equal(tour.Slug, anonymous[1]!.Str("slug"));
        Assert.Equal("Gateshead Food Bank", anonymous[2]!.Str("name"));
        Assert.Equal("Spare room to lend", anonymous[3]!.Str("title"));
        Assert.Null(anonymous[4]);
        Assert.Null(anonymous[5]);
        Assert.Equal("Members: committee notes", member[4]!.Str("title"));
    }

    [NodeFact]
    public async Task The_subgraph_composes_with_another_that_extends_network()
    {
        Assert.True(NodeTooling.IsAvailable, NodeTooling.MissingMessage);
        var directory = CompositionDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            var install = await NodeTooling.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci failed ({install.ExitCode}):\n{install.Output}\n{install.Error}");
        }

        var compose = await NodeTooling.RunAsync("node", ["compose.mjs", new Uri(_hub.Http.BaseAddress!, "/graphql").ToString()], directory, TimeSpan.FromMinutes(2));

        output.WriteLine(compose.Output);
        Assert.True(compose.ExitCode == 0, $"Composition failed (exit {compose.ExitCode}):\n{compose.Error}\n{compose.Output}");
    }

    private static async Task<JsonArray> EntitiesAsync(HubClient client, object[] representations)
    {
        var result = await client.GraphQLAsync(Entities, new { representations });
        Assert.Null(result["errors"]);
        return result["data"]!["_entities"]!.AsArray();
    }

    private static string CompositionDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Federation", "composition");
            if (File.Exists(Path.Combine(candidate, "compose.mjs")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No Federation/composition/compose.mjs above {AppContext.BaseDirectory}.");
    }
}
