using System.Net;
using System.Text.Json.Nodes;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Tests.Hub;
using OurSociety.Federation.National;

namespace OurSociety.Federation.Api.Tests.National;

/// <summary>The national view over GraphQL and as open data: the same suppressed counts, coded refusals, nothing personal.</summary>
public sealed class NationalViewTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private const string View = """
        query($from: DateTime, $to: DateTime) { national(from: $from, to: $to) {
          scope suppressionThreshold weeks
          activityByWeek(groupBy: [NETWORK, KIND]) { week region network kind theme count suppressed }
          weeklyTotals { week count suppressed }
          introductions { requested connected declined expired met wantsMet }
          linkGraph { from { slug } to { slug } state } } }
        """;

    private const string SetNational = """
        mutation($slug: String!, $optIn: Boolean!) { setNationalStatistics(input: { networkSlug: $slug, optIn: $optIn }) {
          network { slug nationalStatistics } errors { code message } } }
        """;

    private readonly HubHost _hub = fixture.Hub;

    [Fact]
    public async Task National_viewers_and_anyone_read_the_same_suppressed_view_over_graphql_and_as_open_data_and_none_of_it_names_an_organisation_or_a_person()
    {
        var (a, b) = await LinkedNetworksTests.LinkedAsync(_hub);
        var member = await a.FirstPerson.GraphQLAsync(SetNational, new { slug = a.Slug, optIn = true });
        Assert.Equal("FORBIDDEN", member["data"]!["setNationalStatistics"]!["errors"]![0]!.Str("code"));
        var opted = await a.Coordinator.MutateAsync("setNationalStatistics", SetNational, new { slug = a.Slug, optIn = true });
        Assert.True(opted["network"]!["nationalStatistics"]!.GetValue<bool>());
        for (var i = 0; i < 6; i++)
        {
            await a.FirstPerson.MutateAsync("postActivity", Tour.Post, new { org = a.First, slug = a.Slug, title = $"Room {i}", visibility = "PUBLIC" });
            await a.FirstPerson.MutateAsync("postActivity", Tour.Post, new { org = a.First, slug = a.Slug, title = $"Members' room {i}", visibility = "NETWORK" });
        }

        await Task.WhenAll(new[] { a.Slug, b.Slug }.Select(s => _hub.Grains.GetNetworkStatistics(s).FlushAsync()));
        var national = _hub.As("stats@ons.example", HubRoles.NationalViewer);

        var anyone = (await _hub.GraphQLAsync(View))["data"]!["national"]!;
        var viewer = (await national.GraphQLAsync(View))["data"]!["national"]!;
        Assert.Equal(("PUBLIC", 5, 53), (anyone.Str("scope"), anyone["suppressionThreshold"]!.GetValue<int>(), anyone["weeks"]!.AsArray().Count));
        Assert.Equal("CONSENTED", viewer.Str("scope"));

        // The opted-in network's six members-only offers count for national viewers only.
        static int ThisWeek(JsonNode view) => view["weeklyTotals"]!.AsArray()[^1]!["count"]!.GetValue<int>();
        Assert.Equal(6, ThisWeek(viewer) - ThisWeek(anyone));
        Assert.All(anyone["activityByWeek"]!.AsArray(), c => Assert.Equal(c!["suppressed"]!.GetValue<bool>(), c["count"] is null));
        Assert.Contains(viewer["linkGraph"]!.AsArray(), l => new[] { l!.Str("from.slug"), l!.Str("to.slug") }.Order().SequenceEqual(new[] { a.Slug, b.Slug }.Order()));

        // The same cells as open data, in JSON and CSV, for the same caller.
        var json = JsonNode.Parse(await _hub.Http.GetStringAsync("/national/activity.json?groupBy=NETWORK,KIND"))!;
        Assert.Equal(anyone["activityByWeek"]!.ToJsonString(), json["cells"]!.ToJsonString());
        var csv = (await _hub.Http.GetStringAsync("/national/activity.csv?groupBy=NETWORK,KIND")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("week,region,network,kind,theme,count,suppressed,suppression_threshold,scope", csv[0]);
        Assert.Equal(
            anyone["activityByWeek"]!.AsArray().Select(c => $"{c!.Str("week")},,{c!.Str("network")},{c!.Str("kind")},,{c!["count"]},{(c!["suppressed"]!.GetValue<bool>() ? "true" : "false")},5,PUBLIC"),
            csv.Skip(1));
        var dictionary = JsonNode.Parse(await _hub.Http.GetStringAsync("/national/dictionary.json"))!;
        Assert.Equal(csv[0].Split(','), dictionary["columns"]!.AsArray().Select(c => c!.Str("name")));

        // Nothing personal on any national path: no organisation's id or name, no person, no contact.
        var everything = string.Join("\n", anyone.ToJsonString(), viewer.ToJsonString(), json.ToJsonString(), string.Join("\n", csv));
        foreach (var secret in new[] { a.First, a.Second, b.First, b.Second, "@", "Food Bank", "Tenants" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "RANGE_INVALID")]
    [InlineData("from=2019-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "RANGE_TOO_LONG")]
    [InlineData("from=last-tuesday", "DATE_INVALID")]
    [InlineData("groupBy=KIND,COLOUR", "DIMENSION_INVALID")]
    public async Task Bad_input_to_the_open_data_is_a_400_with_a_code(string query, string code)
    {
        foreach (var file in new[] { "activity.csv", "activity.json" })
        {
            var response = await _hub.Http.GetAsync($"/national/{file}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(code, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!.Str("code"));
        }
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused_over_graphql_with_a_code()
    {
        var result = await _hub.GraphQLAsync(View, new { from = "2026-02-01T00:00:00Z", to = "2026-01-01T00:00:00Z" });
        Assert.Equal("RANGE_INVALID", result["errors"]![0]!["extensions"]!.Str("code"));
    }
}
