using System.Net;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>Depth and introspection limits on the bare transport; the hub's connections are covered in Limits/.</summary>
public sealed class QueryLimitTransportTests(TransportHost host) : IClassFixture<TransportHost>
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task Introspection_is_on_by_default_and_costs_nothing_towards_complexity()
    {
        var response = await _client.PostJsonAsync(new { query = "{ __schema { types { name fields { name args { name } type { name ofType { name } } } } } }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task An_introspection_query_as_deep_as_graphiqls_passes()
    {
        // graphql-js 16's introspection query (which GraphiQL sends) follows ofType nine levels down from an argument's type: 15 in all.
        var typeRef = "kind name" + string.Concat(Enumerable.Repeat(" ofType { kind name", 9)) + new string('}', 9);
        var query = "{ __schema { types { fields(includeDeprecated: true) { args { type { " + typeRef + " } } } } } }";

        var response = await _client.PostJsonAsync(new { query });

        Assert.True(response.Status == HttpStatusCode.OK, response.Body);
    }

    [Fact]
    public async Task A_document_deeper_than_the_limit_is_refused_by_get_too()
    {
        var query = "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 16)) + "{ name }" + new string('}', 16) + " } } } }";

        var response = await _client.GetQueryAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["QUERY_TOO_DEEP"], response.ErrorCodes);
    }

    [Fact]
    public async Task With_introspection_on_errors_still_suggest_field_names()
    {
        var response = await _client.PostJsonAsync(new { query = "{ hell }" });
        var message = response.Json.GetProperty("errors")[0].GetProperty("message").GetString();

        Assert.Contains("Did you mean 'hello'?", message, StringComparison.Ordinal);
    }
}
