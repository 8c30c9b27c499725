using System.Net;
using System.Text;
using static OurSociety.Federation.Api.Tests.Transport.TransportRequests;

namespace OurSociety.Federation.Api.Tests.Transport;

public sealed class PostRequestTests(TransportHost host) : IClassFixture<TransportHost>
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task Json_post_runs_the_query_and_answers_in_graphql_response_json()
    {
        var response = await _client.PostJsonAsync(new { query = "{ hello(name: \"Ada\") }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(GraphQLResponseUtf8, response.ContentType);
        Assert.Equal("""{"data":{"hello":"Hello, Ada!"}}""", response.Body);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("application/graphql-response+json")]
    public async Task Json_content_types_in_utf8_are_accepted(string contentType)
    {
        var response = await _client.PostAsync("""{"query":"{ __typename }"}""", contentType);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", response.Body);
    }

    [Fact]
    public async Task Variables_operation_name_and_extensions_reach_the_executer()
    {
        var response = await _client.PostJsonAsync(new
        {
            query = "query A { __typename } query B($name: String) { hello(name: $name) }",
            operationName = "B",
            variables = new { name = "Grace" },
            extensions = new { trace = true },
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"hello":"Hello, Grace!"}}""", response.Body);
    }

    [Fact]
    public async Task Unknown_properties_are_ignored_and_null_means_absent()
    {
        var response = await _client.PostAsync(
            """{"query":"{ hello }","operationName":null,"variables":null,"extensions":null,"documentId":7,"other":{}}""",
            Json);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", response.Body);
    }

    [Fact]
    public async Task Mutations_run_on_post()
    {
        var response = await _client.PostJsonAsync(new { query = "mutation { greet(name: \"Lin\") }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"greet":"Greeted Lin"}}""", response.Body);
    }

    [Theory]
    [InlineData("{ \"not a JSON")]
    [InlineData("")]
    [InlineData("""{"query":"{ hello }","query":"{ __typename }"}""")]
    public async Task A_body_that_is_not_json_is_400_invalid_json(string body)
    {
        var response = await _client.PostAsync(body, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(Problem, response.ContentType);
        Assert.Equal("INVALID_JSON", response.ProblemCode);
    }

    [Theory]
    [InlineData("""{"qeury":"{ __typename }"}""")]
    [InlineData("""{"query":null}""")]
    [InlineData("""{"query":{"obj":"ect"}}""")]
    [InlineData("""{"query":0}""")]
    [InlineData("""{"query":false}""")]
    [InlineData("""{"query":["array"]}""")]
    [InlineData("""{"query":"{ __typename }","operationName":0}""")]
    [InlineData("""{"query":"{ __typename }","operationName":{"obj":"ect"}}""")]
    [InlineData("""{"query":"{ __typename }","variables":"string"}""")]
    [InlineData("""{"query":"{ __typename }","variables":0}""")]
    [InlineData("""{"query":"{ __typename }","variables":false}""")]
    [InlineData("""{"query":"{ __typename }","variables":["array"]}""")]
    [InlineData("""{"query":"{ __typename }","extensions":"string"}""")]
    [InlineData("""{"query":"{ __typename }","extensions":["array"]}""")]
    [InlineData("\"{ __typename }\"")]
    [InlineData("42")]
    public async Task A_body_that_is_not_a_graphql_request_is_400_invalid_request(string body)
    {
        var response = await _client.PostAsync(body, Json, accept: Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(Problem, response.ContentType);
        Assert.Equal("INVALID_REQUEST", response.ProblemCode);
    }

    [Fact]
    public async Task A_json_array_body_is_400_because_batching_is_off()
    {
        var response = await _client.PostAsync("""[{"query":"{ hello }"},{"query":"{ __typename }"}]""", Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(Problem, response.ContentType);
        Assert.Equal("BATCHING_NOT_SUPPORTED", response.ProblemCode);
    }

    [Fact]
    public async Task A_post_without_content_type_is_415()
    {
        var response = await _client.PostAsync("""{"query":"{ __typename }"}""", contentType: null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(Problem, response.ContentType);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.ProblemCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task A_post_a_browser_could_send_without_preflight_or_in_another_encoding_is_415(string contentType)
    {
        var response = await _client.PostAsync("""{"query":"mutation { greet(name: \"csrf\") }"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(Problem, response.ContentType);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.ProblemCode);
    }

    [Fact]
    public async Task A_body_above_the_default_256_KiB_limit_is_413()
    {
        var response = await _client.PostJsonAsync(new { query = "{ __typename }", padding = new string('x', 256 * 1024) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(Problem, response.ContentType);
        Assert.Equal("REQUEST_TOO_LARGE", response.ProblemCode);
    }

    [Fact]
    public async Task A_chunked_body_without_content_length_is_cut_off_at_the_limit_with_413()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"query":"{ __typename }","padding":"{{new string('x', 300 * 1024)}}"}""");
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new(Json);

        var response = await _client.PostAsync(content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("REQUEST_TOO_LARGE", response.ProblemCode);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read()
    {
        var padding = new string('x', 255 * 1024);
        var response = await _client.PostJsonAsync(new { query = "{ __typename }", padding });

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Methods_other_than_get_and_post_are_405_with_allow(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql");

        var response = await _client.SendAsync(request, GraphQLResponse);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("GET, POST", response.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", response.ProblemCode);
    }
}
