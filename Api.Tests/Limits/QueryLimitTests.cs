using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Tests.Hub;

namespace OurSociety.Federation.Api.Tests.Limits;

/// <summary>Depth, cost and page-size limits refuse a request in validation: HTTP 400, a coded error, nothing run.</summary>
public sealed class QueryLimitTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private readonly HubHost _hub = fixture.Hub;

    [Fact]
    public async Task A_query_for_100_networks_by_100_members_each_is_refused_as_too_complex()
    {
        var (status, body) = await SendAsync(
            "{ networks(first: 100) { edges { node { members(first: 100) { edges { node { id name } } } } } } }");

        AssertRefused(status, body, "QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task The_cost_of_a_cached_document_is_checked_again_with_new_variables()
    {
        const string Query = "query($n: Int, $m: Int) { networks(first: $n) { edges { node { members(first: $m) { edges { node { id name } } } } } } }";

        var small = await SendAsync(Query, new { n = 2, m = 2 });
        var large = await SendAsync(Query, new { n = 100, m = 100 });

        Assert.Equal(HttpStatusCode.OK, small.Status);
        AssertRefused(large.Status, large.Body, "QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task A_query_nested_past_the_depth_limit_is_refused_as_too_deep()
    {
        // network > members > edges > node > networks > members > … : 4 levels a round, 22 in all.
        var query = "{ network(slug: \"x\") { " + string.Concat(Enumerable.Repeat("members(first: 1) { edges { node { networks { ", 5)) + "slug" + new string('}', 20) + " } }";

        var (status, body) = await SendAsync(query);

        AssertRefused(status, body, "QUERY_TOO_DEEP");
    }

    [Fact]
    public async Task The_readme_tour_queries_are_within_the_limits()
    {
        var (slug, _, _) = await Tour.RunAsync(_hub);

        var network = await _hub.GraphQLAsync(Tour.Network, new { slug });
        var readme = await _hub.GraphQLAsync(
            "query($slug: String!) { network(slug: $slug) { name memberCount members { edges { node { name } } } feed(first: 20) { totalCount edges { node { kind title visibility author { name } } } } } }",
            new { slug });

        Assert.Null(network["errors"]);
        Assert.Null(readme["errors"]);
    }

    public static TheoryData<int> BadPageSizes => [0, -1, 101, 1000];

    [Theory]
    [MemberData(nameof(BadPageSizes))]
    public async Task Every_connection_refuses_a_page_size_outside_1_to_100_with_a_coded_error(int first)
    {
        var connections = Connections();

        foreach (var connection in connections)
        {
            var (status, body) = await SendAsync(connection.Query(new Dictionary<string, string> { ["first"] = SchemaWalk.Literal(first) }));

            Assert.True(status == HttpStatusCode.BadRequest, $"{connection}: {(int)status} {body.ToJsonString()}");
            AssertRefused(status, body, "PAGE_SIZE_INVALID");
        }
    }

    [Fact]
    public async Task Every_connection_accepts_pages_of_1_and_100()
    {
        foreach (var connection in Connections())
        {
            foreach (var first in new[] { 1, 100 })
            {
                var (status, body) = await SendAsync(connection.Query(new Dictionary<string, string> { ["first"] = SchemaWalk.Literal(first) }));

                Assert.True(status == HttpStatusCode.OK, $"{connection} first: {first}: {(int)status} {body.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task A_page_size_from_a_variable_is_checked_on_a_cached_document_too()
    {
        const string Query = "query($first: Int) { networks(first: $first) { totalCount } }";

        var fine = await SendAsync(Query, new { first = 5 });
        var tooMany = await SendAsync(Query, new { first = 101 });

        Assert.Equal(HttpStatusCode.OK, fine.Status);
        AssertRefused(tooMany.Status, tooMany.Body, "PAGE_SIZE_INVALID");
    }

    /// <summary>Every field with a <c>first</c> argument, reached from Query; fails if one cannot be reached.</summary>
    private SchemaWalk.Reached[] Connections()
    {
        var schema = _hub.Services.GetRequiredService<ISchema>();
        var reached = SchemaWalk.FieldsReachableFromQuery(schema).Where(r => HasFirst(r.Field)).ToArray();
        var all = SchemaWalk.AllFields(schema).Where(f => HasFirst(f.Field)).Select(f => $"{f.Owner.Name}.{f.Field.Name}");
        Assert.Equal(all.Distinct().Order(), reached.Select(r => r.ToString()).Order());
        Assert.NotEmpty(reached);
        return reached;

        static bool HasFirst(FieldType field) => field.Arguments?.Find(PageSizeValidationRule.ArgumentName) is not null;
    }

    /// <summary>Posts as a client that reads <c>application/graphql-response+json</c>, which gets 400 for a request error.</summary>
    private async Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await _hub.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static void AssertRefused(HttpStatusCode status, JsonNode body, string code)
    {
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status}: {body.ToJsonString()}");
        Assert.Null(body["data"]);
        Assert.Equal(code, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
