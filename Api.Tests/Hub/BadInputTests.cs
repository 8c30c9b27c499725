using System.Text.Json.Nodes;
using OurSociety.Federation.Access;

namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>Each kind of bad input gets a coded error in the payload (not a 500, not a generic message) and changes nothing.</summary>
public sealed class BadInputTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private readonly HubHost _hub = fixture.Hub;

    [Theory]
    [InlineData("Big Society", "SLUG_INVALID")]
    [InlineData("ab", "SLUG_INVALID")]
    [InlineData("-north", "SLUG_INVALID")]
    public async Task A_malformed_slug_is_refused_and_no_network_appears(string slug, string code)
    {
        var payload = await PayloadAsync(_hub.As("admin", HubRoles.Admin), "createNetwork", Tour.CreateNetwork, new { slug, coordinator = "amara@bsn.example" });

        AssertError(payload, code, "input", "slug");
        Assert.Null((await _hub.GraphQLAsync(Tour.Network, new { slug }))["data"]!["network"]);
    }

    [Fact]
    public async Task A_duplicate_slug_is_refused_and_the_first_network_is_unchanged()
    {
        var tour = await Tour.RunAsync(_hub);
        var slug = tour.Slug;

        var payload = await PayloadAsync(
            tour.Admin, "createNetwork", "mutation($slug: String!) { createNetwork(input: { slug: $slug, name: \"Other\", region: \"Wales\", coordinators: [\"x\"] }) { network { id } errors { code message field } } }", new { slug });

        AssertError(payload, "SLUG_TAKEN", "input", "slug");
        Assert.Equal("North East", Tour.NetworkOf(await _hub.GraphQLAsync(Tour.Network, new { slug }))!.Str("region"));
    }

    [Fact]
    public async Task Joining_an_unknown_network_or_as_an_unknown_organisation_is_refused()
    {
        var tour = await Tour.RunAsync(_hub);
        var (slug, first, _) = tour;

        AssertError(await PayloadAsync(tour.FirstPerson, "joinNetwork", Tour.Join, new { org = first, slug = "no-such-network" }), "NETWORK_NOT_FOUND", "input", "networkSlug");
        AssertError(await PayloadAsync(tour.FirstPerson, "joinNetwork", Tour.Join, new { org = "org_01KZZZZZZZZZZZZZZZZZZZZZZZ", slug }), "ORGANISATION_NOT_FOUND", "input", "organisationId");
        AssertError(await PayloadAsync(tour.FirstPerson, "joinNetwork", Tour.Join, new { org = "not-an-id", slug }), "ID_INVALID", "input", "organisationId");
    }

    [Fact]
    public async Task A_non_member_cannot_post_and_the_feed_is_unchanged()
    {
        var (slug, _, _) = await Tour.RunAsync(_hub);
        var outsiderPerson = _hub.As($"outsider-{Guid.NewGuid():N}");
        var outsider = (await outsiderPerson.MutateAsync("registerOrganisation", Tour.RegisterOrganisation, new { name = "Outsider" })).Str("organisation.id");

        var payload = await PayloadAsync(outsiderPerson, "postActivity", Tour.Post, new { org = outsider, slug, title = "Let me in", visibility = "PUBLIC" });

        AssertError(payload, "NOT_A_MEMBER", "input", "organisationId");
        Assert.Equal(1, Tour.NetworkOf(await _hub.GraphQLAsync(Tour.Network, new { slug }))["feed"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("title", 201, "TOO_LONG")]
    [InlineData("title", 0, "REQUIRED")]
    [InlineData("body", 20_001, "TOO_LONG")]
    public async Task Titles_and_bodies_outside_their_limits_are_refused(string field, int length, string code)
    {
        var tour = await Tour.RunAsync(_hub);
        var (slug, first, _) = tour;
        var text = new string('x', length);

        var payload = await PayloadAsync(
            tour.FirstPerson,
            "postActivity",
            "mutation($org: ID!, $slug: String!, $title: String!, $body: String) { postActivity(input: { networkSlug: $slug, organisationId: $org, kind: STORY, title: $title, body: $body }) { activity { id } errors { code message field } } }",
            new { org = first, slug, title = field == "title" ? text : "Fine", body = field == "body" ? text : "Fine" });

        AssertError(payload, code, "input", field);
    }

    [Fact]
    public async Task More_than_20_themes_or_labels_are_refused()
    {
        var tour = await Tour.RunAsync(_hub);
        var (slug, first, _) = tour;
        var many = Enumerable.Range(0, 21).Select(i => $"tag{i}").ToArray();
        const string Query = "mutation($org: ID!, $slug: String!, $themes: [String!], $labels: [String!]) { postActivity(input: { networkSlug: $slug, organisationId: $org, kind: WANT, title: \"Volunteers\", themes: $themes, labels: $labels }) { activity { id } errors { code message field } } }";

        AssertError(await PayloadAsync(tour.FirstPerson, "postActivity", Query, new { org = first, slug, themes = many }), "TOO_MANY", "input", "themes");
        AssertError(await PayloadAsync(tour.FirstPerson, "postActivity", Query, new { org = first, slug, labels = many }), "TOO_MANY", "input", "labels");
    }

    [Fact]
    public async Task A_malformed_org_id_and_a_place_off_the_map_are_refused()
    {
        var person = _hub.As($"person-{Guid.NewGuid():N}");
        const string Query = "mutation($orgId: String, $lat: Float) { registerOrganisation(input: { name: \"Org\", kind: \"CHARITY\", orgId: $orgId, registeredAt: { lat: $lat, lon: 0 } }) { organisation { id } errors { code message field } } }";

        AssertError(await PayloadAsync(person, "registerOrganisation", Query, new { orgId = "CHC1234567", lat = 10 }), "ORG_ID_INVALID", "input", "orgId");
        AssertError(await PayloadAsync(person, "registerOrganisation", Query, new { orgId = "GB-CHC-1234567", lat = 95 }), "PLACE_INVALID", "input", "registeredAt");
    }

    [Fact]
    public async Task A_missing_required_field_is_a_coded_request_error_and_nothing_runs()
    {
        using var response = await _hub.Http.PostAsync(
            "/graphql",
            new StringContent("{\"query\":\"mutation { createNetwork(input: { slug: \\\"no-name-here\\\", region: \\\"Wales\\\" }) { network { id } } }\"}", System.Text.Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.False(response.IsSuccessStatusCode && body["data"] is not null);
        Assert.False(string.IsNullOrEmpty(body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>()));
        Assert.Null((await _hub.GraphQLAsync(Tour.Network, new { slug = "no-name-here" }))["data"]!["network"]);
    }

    [Fact]
    public async Task A_mutation_retried_with_the_same_client_request_id_takes_effect_once()
    {
        var tour = await Tour.RunAsync(_hub);
        var (slug, first, _) = tour;
        var requestId = Guid.NewGuid().ToString();

        var registered = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            tour.FirstPerson.MutateAsync("registerOrganisation", Tour.RegisterOrganisation, new { name = "Retry Charity", requestId })));
        var posted = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            tour.FirstPerson.MutateAsync("postActivity", Tour.Post, new { org = first, slug, title = "Once only", visibility = "PUBLIC", requestId })));

        Assert.Single(registered.Select(r => r.Str("organisation.id")).Distinct());
        Assert.Single(posted.Select(p => p.Str("activity.id")).Distinct());
        Assert.Equal(2, Tour.NetworkOf(await _hub.GraphQLAsync(Tour.Network, new { slug }))["feed"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_foreign_cursor_or_an_oversized_page_is_a_coded_error()
    {
        var (slug, _, _) = await Tour.RunAsync(_hub);

        var cursor = await _hub.GraphQLAsync("query($slug: String!) { network(slug: $slug) { feed(after: \"bWVtYmVyczow\") { totalCount } } }", new { slug });
        var size = await _hub.GraphQLAsync("query($slug: String!) { network(slug: $slug) { feed(first: 101) { totalCount } } }", new { slug });

        Assert.Equal("CURSOR_INVALID", cursor["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(size["data"]);
        Assert.Equal("PAGE_SIZE_INVALID", size["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static async Task<JsonNode> PayloadAsync(HubClient client, string field, string query, object variables)
    {
        var result = await client.GraphQLAsync(query, variables);
        Assert.Null(result["errors"]);
        var payload = result["data"]![field]!;
        Assert.True(payload.AsObject().First(p => p.Key != "errors").Value is null, "a failed mutation returns no object");
        return payload;
    }

    private static void AssertError(JsonNode payload, string code, params string[] field)
    {
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal(code, error.Str("code"));
        Assert.False(string.IsNullOrWhiteSpace(error.Str("message")));
        Assert.Equal(field, error["field"]!.Values(f => f.GetValue<string>()));
    }
}
