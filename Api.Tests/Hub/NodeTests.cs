namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary><c>node(id:)</c> refetches networks, organisations and activities by global id, and shows nothing the caller may not see.</summary>
public sealed class NodeTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private const string NodeQuery = """
        query($id: ID!) { node(id: $id) { id __typename ... on Network { slug } ... on Organisation { name } ... on Activity { title } } }
        """;

    private readonly HubHost _hub = fixture.Hub;

    [Fact]
    public async Task Every_node_type_is_found_again_by_its_global_id()
    {
        var (slug, first, _) = await Tour.RunAsync(_hub);
        var network = Tour.NetworkOf(await _hub.GraphQLAsync(Tour.Network, new { slug }));
        var activityId = network["feed"]!["edges"]![0]!["node"]!.Str("id");

        var asNetwork = (await _hub.GraphQLAsync(NodeQuery, new { id = network.Str("id") }))["data"]!["node"]!;
        var asOrganisation = (await _hub.GraphQLAsync(NodeQuery, new { id = first }))["data"]!["node"]!;
        var asActivity = (await _hub.GraphQLAsync(NodeQuery, new { id = activityId }))["data"]!["node"]!;

        Assert.Equal(("Network", slug), (asNetwork.Str("__typename"), asNetwork.Str("slug")));
        Assert.Equal(("Organisation", "Gateshead Food Bank"), (asOrganisation.Str("__typename"), asOrganisation.Str("name")));
        Assert.Equal(("Activity", "Spare room to lend", activityId), (asActivity.Str("__typename"), asActivity.Str("title"), asActivity.Str("id")));
    }

    [Fact]
    public async Task A_members_only_activity_is_not_revealed_to_the_public_by_its_id()
    {
        var (slug, _, _) = await Tour.RunAsync(_hub);

        // The tour's second post (position 1) is NETWORK-only; its global id is guessable, so node() must check.
        var id = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Activity:{slug}/1")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var result = await _hub.GraphQLAsync(NodeQuery, new { id });

        Assert.Null(result["data"]!["node"]);
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("TmV0d29yazo")]
    [InlineData("QWN0aXZpdHk6bm8tc3VjaC1uZXR3b3JrLzA")]
    public async Task Ids_that_name_nothing_return_null(string id)
    {
        var result = await _hub.GraphQLAsync(NodeQuery, new { id });

        Assert.Null(result["errors"]);
        Assert.Null(result["data"]!["node"]);
    }

    [Fact]
    public async Task Contact_details_are_not_shown_to_an_anonymous_reader()
    {
        var (_, first, _) = await Tour.RunAsync(_hub);

        var result = await _hub.GraphQLAsync("query($id: ID!) { organisation(id: $id) { name contact { email } } }", new { id = first });

        Assert.Equal("Gateshead Food Bank", result["data"]!["organisation"]!.Str("name"));
        Assert.Null(result["data"]!["organisation"]!["contact"]);
    }
}
