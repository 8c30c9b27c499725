using System.Text.Json.Nodes;
using OurSociety.Federation.Api.Tests.Hub;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>
/// <c>node(id:)</c> and nested fields go through the same grains as every other path, so they show nothing the
/// caller may not see: one test per node type, each with a caller who may and callers who may not.
/// </summary>
public sealed class NodeVisibilityTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private const string NodeQuery = """
        query($id: ID!) { node(id: $id) { id
          ... on Network { slug coordinators joinRequests { totalCount } auditTrail { totalCount } }
          ... on Organisation { name contact { email } people pendingNetworks { slug } }
          ... on Activity { title author { name contact { email } people } originNetwork { coordinators auditTrail { totalCount } } } } }
        """;

    private readonly HubHost _hub = fixture.Hub;

    [Fact]
    public async Task A_network_node_shows_coordinators_requests_and_audit_trail_only_to_those_entitled()
    {
        var tour = await Tour.RunAsync(_hub);
        var id = Tour.NetworkOf(await _hub.GraphQLAsync(Tour.Network, new { slug = tour.Slug })).Str("id");
        var outsider = _hub.As($"outsider-{Guid.NewGuid():N}");

        var asCoordinator = await NodeAsync(tour.Coordinator, id);
        var asMember = await NodeAsync(tour.FirstPerson, id);

        Assert.NotNull(asCoordinator["joinRequests"]);
        Assert.NotNull(asCoordinator["auditTrail"]);
        Assert.Null(asMember["joinRequests"]);
        Assert.True(asMember["auditTrail"]!["totalCount"]!.GetValue<int>() >= 5);
        foreach (var stranger in new[] { _hub.Anonymous, outsider, _hub.As("national", Federation.Access.HubRoles.NationalViewer) })
        {
            var node = await NodeAsync(stranger, id);
            Assert.Equal(tour.Slug, node.Str("slug"));
            Assert.Null(node["coordinators"]);
            Assert.Null(node["joinRequests"]);
            Assert.Null(node["auditTrail"]);
        }
    }

    [Fact]
    public async Task An_organisation_node_shows_contact_people_and_requests_only_to_its_own_people()
    {
        var tour = await Tour.RunAsync(_hub);

        var own = await NodeAsync(tour.FirstPerson, tour.First);
        var fellowMember = await NodeAsync(tour.SecondPerson, tour.First);
        var coordinator = await NodeAsync(tour.Coordinator, tour.First);
        var anonymous = await NodeAsync(_hub.Anonymous, tour.First);

        Assert.Equal("hello@example.org", own["contact"]!.Str("email"));
        Assert.Single(own["people"]!.AsArray());
        Assert.NotNull(own["pendingNetworks"]);
        foreach (var other in new[] { fellowMember, coordinator, anonymous })
        {
            Assert.Equal("Gateshead Food Bank", other.Str("name"));
            Assert.Null(other["contact"]);
            Assert.Null(other["people"]);
            Assert.Null(other["pendingNetworks"]);
        }
    }

    [Fact]
    public async Task A_members_only_activity_node_is_null_outside_the_network_and_its_nested_fields_stay_private()
    {
        var tour = await Tour.RunAsync(_hub);
        var feed = Tour.NetworkOf(await tour.FirstPerson.GraphQLAsync(Tour.Network, new { slug = tour.Slug }))["feed"]!["edges"]!.AsArray();
        var membersOnly = feed.Single(e => e!["node"]!.Str("visibility") == "NETWORK")!["node"]!.Str("id");
        var outsider = _hub.As($"outsider-{Guid.NewGuid():N}");

        var asMember = await NodeAsync(tour.FirstPerson, membersOnly);

        // Seen by a member of the network, but the author is another organisation: its contact and people stay hidden.
        Assert.Equal("Members: committee notes", asMember.Str("title"));
        Assert.Null(asMember["author"]!["contact"]);
        Assert.Null(asMember["author"]!["people"]);
        Assert.NotNull(asMember["originNetwork"]!["auditTrail"]);
        Assert.Null(await NodeOrNullAsync(_hub.Anonymous, membersOnly));
        Assert.Null(await NodeOrNullAsync(outsider, membersOnly));
        Assert.Null(await NodeOrNullAsync(_hub.As("admin", Federation.Access.HubRoles.Admin), membersOnly));
    }

    private static async Task<JsonNode> NodeAsync(HubClient client, string id) =>
        await NodeOrNullAsync(client, id) ?? throw new InvalidOperationException($"node({id}) is null");

    private static async Task<JsonNode?> NodeOrNullAsync(HubClient client, string id)
    {
        var result = await client.GraphQLAsync(NodeQuery, new { id });
        Assert.Null(result["errors"]);
        return result["data"]!["node"];
    }
}
