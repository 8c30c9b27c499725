using System.Text.Json.Nodes;
using OurSociety.Federation.Access;

namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>The README's tour, as GraphQL documents, so the tests and the README say the same thing.</summary>
public static class Tour
{
    public const string CreateNetwork = """
        mutation($slug: String!, $coordinator: String!) { createNetwork(input: { slug: $slug, name: "Big Society in the North", region: "North East", charter: "Open, participatory, on the side of newcomers.", coordinators: [$coordinator] }) {
          network { id slug name region } errors { code message field } } }
        """;

    public const string RegisterOrganisation = """
        mutation($name: String!, $requestId: String) { registerOrganisation(input: { name: $name, kind: "CHARITY", orgId: "GB-CHC-1234567", themes: ["food", "loneliness"],
          activeIn: [{ name: "Gateshead", postcodeDistrict: "NE8" }], contact: { email: "hello@example.org" }, clientRequestId: $requestId }) {
          organisation { id name } errors { code message field } } }
        """;

    public const string Join = """
        mutation($org: ID!, $slug: String!) { joinNetwork(input: { organisationId: $org, networkSlug: $slug, message: "We would like to take part." }) {
          status organisation { id networks { slug } } errors { code message field } } }
        """;

    public const string JoinRequests = """
        query($slug: String!) { network(slug: $slug) { joinRequests(first: 10) { totalCount edges { node { organisation { id name } message newcomer } } } } }
        """;

    public const string Approve = """
        mutation($org: ID!, $slug: String!) { approveJoinRequest(input: { networkSlug: $slug, organisationId: $org }) {
          network { memberCount } errors { code message field } } }
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

    /// <summary>
    /// The tour: an admin creates a network with a coordinator; two people register an organisation each; both ask
    /// to join and the coordinator approves; one posts a public offer, the other a members-only note.
    /// </summary>
    public static async Task<TourRun> RunAsync(HubHost hub)
    {
        var slug = "north-" + Guid.NewGuid().ToString("N")[..12];
        var people = Guid.NewGuid().ToString("N")[..8];
        var admin = hub.As("admin", HubRoles.Admin);
        var coordinator = hub.As($"amara-{people}@bsn.example");
        var firstPerson = hub.As($"sam-{people}@foodbank.example");
        var secondPerson = hub.As($"jo-{people}@tenants.example");
        await admin.MutateAsync("createNetwork", CreateNetwork, new { slug, coordinator = $"amara-{people}@bsn.example" });
        var first = (await firstPerson.MutateAsync("registerOrganisation", RegisterOrganisation, new { name = "Gateshead Food Bank" })).Str("organisation.id");
        var second = (await secondPerson.MutateAsync("registerOrganisation", RegisterOrganisation, new { name = "Tyneside Tenants" })).Str("organisation.id");
        await firstPerson.MutateAsync("joinNetwork", Join, new { org = first, slug });
        await secondPerson.MutateAsync("joinNetwork", Join, new { org = second, slug });
        await coordinator.MutateAsync("approveJoinRequest", Approve, new { org = first, slug });
        await coordinator.MutateAsync("approveJoinRequest", Approve, new { org = second, slug });

        // The network tells each organisation of its approval by a one-way message; wait until both have heard.
        foreach (var org in new[] { first, second })
        {
            await Eventually.TrueAsync(async () =>
                (await hub.GraphQLAsync("query($id: ID!) { organisation(id: $id) { networks { slug } } }", new { id = org }))["data"]!["organisation"]!["networks"]!.AsArray().Count == 1);
        }

        await firstPerson.MutateAsync("postActivity", Post, new { org = first, slug, title = "Spare room to lend", visibility = "PUBLIC" });
        await secondPerson.MutateAsync("postActivity", Post, new { org = second, slug, title = "Members: committee notes", visibility = "NETWORK" });
        return new TourRun(slug, first, second, admin, coordinator, firstPerson, secondPerson);
    }

    public static JsonNode NetworkOf(JsonNode result) => result["data"]!["network"]!;
}

/// <summary>What the tour made, and a client for each person in it.</summary>
public sealed record TourRun(string Slug, string First, string Second, HubClient Admin, HubClient Coordinator, HubClient FirstPerson, HubClient SecondPerson)
{
    public void Deconstruct(out string slug, out string first, out string second) => (slug, first, second) = (Slug, First, Second);
}
