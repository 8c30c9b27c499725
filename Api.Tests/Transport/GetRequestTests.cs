using System.Net;
using static OurSociety.Federation.Api.Tests.Transport.TransportRequests;

namespace OurSociety.Federation.Api.Tests.Transport;

public sealed class GetRequestTests(TransportHost host) : IClassFixture<TransportHost>
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task Get_runs_a_query_from_the_url()
    {
        var response = await _client.GetQueryAsync("{ hello(name: \"Ada\") }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(GraphQLResponseUtf8, response.ContentType);
        Assert.Equal("""{"data":{"hello":"Hello, Ada!"}}""", response.Body);
    }

    [Fact]
    public async Task Get_reads_json_encoded_variables_and_extensions_and_the_operation_name()
    {
        var response = await _client.GetAsync(
        [
            ("query", "query A { __typename } query B($name: String) { hello(name: $name) }"),
            ("operationName", "B"),
            ("variables", """{"name":"Grace"}"""),
            ("extensions", """{"trace":true}"""),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"hello":"Hello, Grace!"}}""", response.Body);
    }

    [Fact]
    public async Task Empty_url_parameters_mean_absent()
    {
        var response = await _client.GetAsync([("query", "{ hello }"), ("operationName", ""), ("variables", ""), ("extensions", "")]);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", response.Body);
    }

    [Theory]
    [InlineData("variables", "[1]")]
    [InlineData("variables", "\"string\"")]
    [InlineData("variables", "{not json")]
    [InlineData("extensions", "0")]
    public async Task Url_parameters_that_are_not_json_maps_are_400_invalid_request(string name, string value)
    {
        var response = await _client.GetAsync([("query", "{ __typename }"), (name, value)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(Problem, response.ContentType);
        Assert.Equal("INVALID_REQUEST", response.ProblemCode);
    }

    [Fact]
    public async Task Get_without_a_query_is_400_invalid_request()
    {
        var response = await _client.GetAsync([("operationName", "A")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST", response.ProblemCode);
    }

    [Fact]
    public async Task A_parameter_given_twice_is_400_invalid_request()
    {
        var response = await _client.GetAsync([("query", "{ hello }"), ("query", "{ __typename }")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_REQUEST", response.ProblemCode);
    }

    [Theory]
    [InlineData(GraphQLResponse, GraphQLResponseUtf8)]
    [InlineData(Json, JsonUtf8)]
    public async Task A_mutation_by_get_is_405_with_allow_post_and_is_not_run(string accept, string contentType)
    {
        var response = await _client.GetQueryAsync("mutation { greet(name: \"by get\") }", accept);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("POST", response.Allow);
        Assert.Equal(contentType, response.ContentType);
        Assert.False(response.HasData);
        Assert.Equal(["METHOD_NOT_ALLOWED"], response.ErrorCodes);
    }

    [Fact]
    public async Task The_operation_selected_by_name_decides_whether_get_is_allowed()
    {
        const string Document = "query Read { hello } mutation Write { greet(name: \"x\") }";

        var read = await _client.GetAsync([("query", Document), ("operationName", "Read")]);
        var write = await _client.GetAsync([("query", Document), ("operationName", "Write")]);

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, write.Status);
        Assert.Equal(["METHOD_NOT_ALLOWED"], write.ErrorCodes);
    }

    [Fact]
    public async Task A_mutation_cached_from_a_post_is_still_refused_on_get()
    {
        var mutation = $"mutation {{ {Unique.Alias()}: greet(name: \"cached\") }}";
        var posted = await _client.PostJsonAsync(new { query = mutation });
        var postedAgain = await _client.PostJsonAsync(new { query = mutation });

        var response = await _client.GetQueryAsync(mutation);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal(HttpStatusCode.OK, postedAgain.Status);
        Assert.Equal(1, host.Validations.ValidationsOf(mutation));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("POST", response.Allow);
        Assert.Equal(["METHOD_NOT_ALLOWED"], response.ErrorCodes);
    }
}
