using System.Text.Json.Nodes;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>Joining a network over GraphQL, as the organisation's own people and the network's coordinators see it.</summary>
public sealed class MembershipTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private const string Networks = """
        query($id: ID!) { organisation(id: $id) { networks { slug } } node(id: $id) { ... on Organisation { networks { slug } } } }
        """;

    private readonly HubHost _hub = fixture.Hub;

    [Fact]
    public async Task An_organisation_asked_for_by_its_id_shows_an_approval_as_soon_as_it_has_heard_though_it_was_read_while_pending()
    {
        var slug = "north-" + Guid.NewGuid().ToString("N")[..12];
        var tag = Guid.NewGuid().ToString("N")[..8];
        var coordinator = _hub.As($"amara-{tag}@bsn.example");
        var person = _hub.As($"sam-{tag}@foodbank.example");
        await _hub.As("admin", HubRoles.Admin).MutateAsync("createNetwork", Tour.CreateNetwork, new { slug, coordinator = $"amara-{tag}@bsn.example" });
        var org = (await person.MutateAsync("registerOrganisation", Tour.RegisterOrganisation, new { name = "Gateshead Food Bank" })).Str("organisation.id");

        // Asking to join answers with the organisation (still without the network), and a read while pending agrees.
        var joined = await person.MutateAsync("joinNetwork", Tour.Join, new { org, slug });
        Assert.Equal("PENDING", joined.Str("status"));
        Assert.Empty(NetworksOf(await _hub.GraphQLAsync(Networks, new { id = org }), "organisation"));

        await coordinator.MutateAsync("approveJoinRequest", Tour.Approve, new { org, slug });

        // The network tells the organisation one-way; once its grain has heard, GraphQL says the same at once.
        var grain = _hub.Grains.GetOrganisation(OrganisationIds.TryParse(org)!);
        await Eventually.TrueAsync(async () => (await grain.GetProfileAsync())!.Networks.Contains(slug));
        var answer = await _hub.GraphQLAsync(Networks, new { id = org });
        Assert.Equal([slug], NetworksOf(answer, "organisation"));
        Assert.Equal([slug], NetworksOf(answer, "node"));
    }

    private static string[] NetworksOf(JsonNode answer, string field)
    {
        Assert.Null(answer["errors"]);
        return answer["data"]![field]!["networks"]!.Values(n => n!.Str("slug"));
    }
}
