using System.Text.Json.Nodes;

namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>Two networks link over GraphQL and read each other's shared activity through <c>federatedFeed</c>.</summary>
public sealed class LinkedNetworksTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    public const string ProposeLink = """
        mutation($slug: String!, $to: String!, $kinds: [ActivityKind!]!) { proposeLink(input: { networkSlug: $slug, toNetworkSlug: $to, sharedKinds: $kinds }) {
          link { state sharedKinds from { slug } to { slug } } errors { code message field } } }
        """;

    public const string AcceptLink = """
        mutation($slug: String!, $from: String!, $kinds: [ActivityKind!]!) { acceptLink(input: { networkSlug: $slug, fromNetworkSlug: $from, sharedKinds: $kinds }) {
          link { state sharedKinds receivedKinds since } errors { code message field } } }
        """;

    public const string SuspendLink = """
        mutation($slug: String!, $other: String!) { suspendLink(input: { networkSlug: $slug, otherNetworkSlug: $other }) { link { state } errors { code message field } } }
        """;

    public const string FederatedFeed = """
        query($slug: String!, $first: Int, $after: Cursor, $near: PlaceInput, $kinds: [ActivityKind!]) {
          federatedFeed(networkSlug: $slug, first: $first, after: $after, near: $near, kinds: $kinds) {
            totalCount edges { cursor node { id title visibility originNetwork { slug } author { name } } } pageInfo { hasNextPage endCursor } } }
        """;

    private static readonly string[] _offers = ["OFFER"];
    private static readonly string[] _offersAndStories = ["OFFER", "STORY"];

    private readonly HubHost _hub = fixture.Hub;

    [Fact]
    public async Task Linked_networks_read_each_others_shared_items_and_a_suspension_stops_them_at_once()
    {
        var (a, b) = await LinkedAsync(_hub);

        Assert.Equal(
            ["Linked: van to share", "Members: committee notes", "Spare room to lend", "Spare room to lend"],
            Titles(await a.FirstPerson.GraphQLAsync(FederatedFeed, new { slug = a.Slug, first = 20 })).Order(StringComparer.Ordinal));
        Assert.Equal(["Spare room to lend", "Spare room to lend"], Titles(await _hub.GraphQLAsync(FederatedFeed, new { slug = a.Slug, first = 20 })));

        var suspended = await b.Coordinator.MutateAsync("suspendLink", SuspendLink, new { slug = b.Slug, other = a.Slug });
        Assert.Equal("SUSPENDED", suspended.Str("link.state"));
        Assert.Equal(["Members: committee notes", "Spare room to lend"], Titles(await a.FirstPerson.GraphQLAsync(FederatedFeed, new { slug = a.Slug, first = 20 })));
    }

    [Fact]
    public async Task Paging_with_end_cursors_reads_every_item_once_and_a_linked_item_is_a_node_for_the_linked_members_only()
    {
        var (a, b) = await LinkedAsync(_hub);
        var seen = new List<string>();
        string? after = null;
        do
        {
            var feed = (await a.FirstPerson.GraphQLAsync(FederatedFeed, new { slug = a.Slug, first = 1, after }))["data"]!["federatedFeed"]!;
            Assert.Null(feed["totalCount"]);
            seen.AddRange(feed["edges"]!.Values(e => e!.Str("node.id")));
            after = feed["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? feed.Str("pageInfo.endCursor") : null;
        }
        while (after is not null && seen.Count < 10);

        Assert.Equal(4, seen.Count);
        Assert.Equal(4, seen.Distinct().Count());

        // Each edge's cursor resumes right after its item: from the first edge of a full page, the rest follow in order.
        var full = (await a.FirstPerson.GraphQLAsync(FederatedFeed, new { slug = a.Slug, first = 4 }))["data"]!["federatedFeed"]!["edges"]!.AsArray();
        var rest = (await a.FirstPerson.GraphQLAsync(FederatedFeed, new { slug = a.Slug, first = 4, after = full[0]!.Str("cursor") }))["data"]!["federatedFeed"]!["edges"]!;
        Assert.Equal(full.Skip(1).Select(e => e!.Str("node.id")), rest.Values(e => e!.Str("node.id")));

        var linked = (await a.FirstPerson.GraphQLAsync(FederatedFeed, new { slug = a.Slug, first = 20 }))["data"]!["federatedFeed"]!["edges"]!
            .AsArray().Single(e => e!.Str("node.visibility") == "LINKED")!.Str("node.id");
        const string Node = "query($id: ID!) { node(id: $id) { ... on Activity { title } } }";
        Assert.Equal("Linked: van to share", (await a.FirstPerson.GraphQLAsync(Node, new { id = linked })).Str("data.node.title"));
        Assert.Null((await _hub.GraphQLAsync(Node, new { id = linked }))["data"]!["node"]);
    }

    [Fact]
    public async Task Bad_links_and_bad_feed_arguments_get_coded_errors()
    {
        var (a, b) = await LinkedAsync(_hub);

        AssertPayloadError(await a.Coordinator.GraphQLAsync(ProposeLink, new { slug = a.Slug, to = a.Slug, kinds = _offers }), "proposeLink", "LINK_SELF");
        AssertPayloadError(await a.Coordinator.GraphQLAsync(ProposeLink, new { slug = a.Slug, to = b.Slug, kinds = _offers }), "proposeLink", "LINK_EXISTS");
        AssertPayloadError(await a.Coordinator.GraphQLAsync(ProposeLink, new { slug = a.Slug, to = "no-such-network", kinds = _offers }), "proposeLink", "NETWORK_NOT_FOUND");
        AssertPayloadError(await a.FirstPerson.GraphQLAsync(ProposeLink, new { slug = a.Slug, to = "no-such-network", kinds = _offers }), "proposeLink", "FORBIDDEN");
        AssertPayloadError(await a.Coordinator.GraphQLAsync(AcceptLink, new { slug = a.Slug, from = "no-such-network", kinds = _offers }), "acceptLink", "LINK_NOT_PROPOSED");

        AssertRequestError(await _hub.GraphQLAsync(FederatedFeed, new { slug = a.Slug, first = 101 }), "PAGE_SIZE_INVALID");
        AssertRequestError(await _hub.GraphQLAsync(FederatedFeed, new { slug = a.Slug, after = "bm90LWEtY3Vyc29y" }), "CURSOR_INVALID");
        AssertRequestError(await _hub.GraphQLAsync(FederatedFeed, new { slug = a.Slug, near = new { lat = 54.9, lon = -1.6, radiusKm = -5 } }), "RADIUS_INVALID");
        AssertRequestError(await _hub.GraphQLAsync(FederatedFeed, new { slug = a.Slug, near = new { lat = 54.9, lon = -1.6, radiusKm = 1e9 } }), "RADIUS_INVALID");
        AssertRequestError(await _hub.GraphQLAsync(FederatedFeed, new { slug = "no-such-network" }), "NETWORK_NOT_FOUND");

        // A cursor of one network's feed is refused by another's.
        var cursor = (await _hub.GraphQLAsync(FederatedFeed, new { slug = b.Slug, first = 1 })).Str("data.federatedFeed.pageInfo.endCursor");
        AssertRequestError(await _hub.GraphQLAsync(FederatedFeed, new { slug = a.Slug, after = cursor }), "CURSOR_INVALID");

        var links = await _hub.GraphQLAsync("query($slug: String!) { network(slug: $slug) { links { state to { slug } } } }", new { slug = a.Slug });
        Assert.Equal([("ACTIVE", b.Slug)], links["data"]!["network"]!["links"]!.Values(l => (l!.Str("state"), l.Str("to.slug"))));
    }

    [Fact]
    public async Task A_near_filter_keeps_items_within_the_radius()
    {
        var (a, _) = await LinkedAsync(_hub);

        // The tour posts in Gateshead (54.95, -1.60); Leeds is about 130 km away.
        Assert.Equal(4, Titles(await a.FirstPerson.GraphQLAsync(FederatedFeed, new { slug = a.Slug, near = new { lat = 54.96, lon = -1.61, radiusKm = 5 } })).Length);
        Assert.Empty(Titles(await a.FirstPerson.GraphQLAsync(FederatedFeed, new { slug = a.Slug, near = new { lat = 53.80, lon = -1.55, radiusKm = 50 } })));
    }

    /// <summary>Two tours' networks; B's second organisation also posts a LINKED offer; A proposes a link sharing offers and stories, B accepts sharing offers.</summary>
    public static async Task<(TourRun A, TourRun B)> LinkedAsync(HubHost hub)
    {
        var a = await Tour.RunAsync(hub);
        var b = await Tour.RunAsync(hub);
        await b.SecondPerson.MutateAsync("postActivity", Tour.Post, new { org = b.Second, slug = b.Slug, title = "Linked: van to share", visibility = "LINKED" });

        var proposed = await a.Coordinator.MutateAsync("proposeLink", ProposeLink, new { slug = a.Slug, to = b.Slug, kinds = _offersAndStories });
        Assert.Equal(("PROPOSED", b.Slug), (proposed.Str("link.state"), proposed.Str("link.to.slug")));
        await Eventually.TrueAsync(async () =>
            (await b.Coordinator.GraphQLAsync("query($slug: String!) { network(slug: $slug) { links(state: PROPOSED) { to { slug } } } }", new { slug = b.Slug }))
                ["data"]!["network"]!["links"]!.AsArray().Count == 1);
        var accepted = await b.Coordinator.MutateAsync("acceptLink", AcceptLink, new { slug = b.Slug, from = a.Slug, kinds = _offers });
        Assert.Equal(("ACTIVE", "OFFER"), (accepted.Str("link.state"), string.Join(",", accepted["link"]!["sharedKinds"]!.Values(k => k!.GetValue<string>()))));
        await Eventually.TrueAsync(async () =>
            (await hub.GraphQLAsync("query($slug: String!) { network(slug: $slug) { links(state: ACTIVE) { to { slug } } } }", new { slug = a.Slug }))
                ["data"]!["network"]!["links"]!.AsArray().Count == 1);
        return (a, b);
    }

    private static string[] Titles(JsonNode result)
    {
        Assert.Null(result["errors"]);
        return result["data"]!["federatedFeed"]!["edges"]!.Values(e => e!.Str("node.title"));
    }

    private static void AssertPayloadError(JsonNode result, string field, string code)
    {
        Assert.Null(result["errors"]);
        Assert.Null(result["data"]![field]!["link"]);
        Assert.Equal(code, Assert.Single(result["data"]![field]!["errors"]!.AsArray())!.Str("code"));
    }

    private static void AssertRequestError(JsonNode result, string code) =>
        Assert.Equal(code, Assert.Single(result["errors"]!.AsArray())!["extensions"]!.Str("code"));
}
