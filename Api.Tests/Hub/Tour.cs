using System.Text.Json.Nodes;

namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>The README's tour, as GraphQL documents, so the tests and the README say the same thing.</summary>
public static class Tour
{
    public const string CreateNetwork = """
        mutation($slug: String!) { createNetwork(input: { slug: $slug, name: "Big Society in the North", region: "North East", charter: "Open, participatory, on the side of newcomers." }) {
          network { id slug name region } errors { code message field } } }
        """;

    public const string RegisterOrganisation = """
        mutation($name: String!, $requestId: String) { registerOrganisation(input: { name: $name, kind: "CHARITY", orgId: "GB-CHC-1234567", themes: ["food", "loneliness"],
          activeIn: [{ name: "Gateshead", postcodeDistrict: "NE8" }], contact: { email: "hello@example.org" }, clientRequestId: $requestId }) {
          organisation { id name } errors { code message field } } }
        """;

    public const string Join = """
        mutation($org: ID!, $slug: String!) { joinNetwork(input: { organisationId: $org, networkSlug: $slug }) {
          organisation { id networks { slug } } errors { code message field } } }
        """;

    public const string Post = """
        mutation($org: ID!, $slug: String!, $title: String!, $visibility: Visibility, $requestId: String) {
          postActivity(input: { networkSlug: $slug, organisationId: $org, kind: OFFER, title: $title, body: "Tuesdays, 10 till 4.",
            themes: ["space"], place: { name: "Gateshead", lat: 54.95, lon: -1.60 }, visibility: $visibility, clientRequestId: $requestId }) {
          activity { id title visibility author { name } originNetwork { slug } } errors { code message field } } }
        """;

    public const string Network = """
        query($slug: String!) { network(slug: $slug) { id name region memberCount
          members(first: 10) { totalCount edges { node { id name networks { slug } } } }
          feed(first: 20) { totalCount edges { cursor node { id title visibility author { name } } } pageInfo { hasNextPage endCursor } } } }
        """;

    public static async Task<(string Slug, string First, string Second)> RunAsync(HubHost hub)
    {
        var slug = "north-" + Guid.NewGuid().ToString("N")[..12];
        await hub.MutateAsync("createNetwork", CreateNetwork, new { slug });
        var first = (await hub.MutateAsync("registerOrganisation", RegisterOrganisation, new { name = "Gateshead Food Bank" })).Str("organisation.id");
        var second = (await hub.MutateAsync("registerOrganisation", RegisterOrganisation, new { name = "Tyneside Tenants" })).Str("organisation.id");
        await hub.MutateAsync("joinNetwork", Join, new { org = first, slug });
        await hub.MutateAsync("joinNetwork", Join, new { org = second, slug });
        await hub.MutateAsync("postActivity", Post, new { org = first, slug, title = "Spare room to lend", visibility = "PUBLIC" });
        await hub.MutateAsync("postActivity", Post, new { org = second, slug, title = "Members: committee notes", visibility = "NETWORK" });
        return (slug, first, second);
    }

    public static JsonNode NetworkOf(JsonNode result) => result["data"]!["network"]!;
}
