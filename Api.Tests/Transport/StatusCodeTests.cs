using System.Net;
using static OurSociety.Federation.Api.Tests.Transport.TransportRequests;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// A request that fails before execution is 400 in graphql-response+json and 200 in legacy
/// application/json, as graphql-http's audits expect; anything that executed is 200.
/// </summary>
public sealed class StatusCodeTests(TransportHost host) : IClassFixture<TransportHost>
{
    private readonly HttpClient _client = host.Client;

    public static TheoryData<string, object?, string> FailuresBeforeExecution => new()
    {
        { "{", null, "SYNTAX_ERROR" },
        { "{ unknownField }", null, "FIELDS_ON_CORRECT_TYPE" },
        { "query Q($n: String!) { hello(name: $n) }", new Dictionary<string, object?> { ["n"] = null }, "INVALID_VALUE" },
        { "query Q($n: String) { hello(name: $n) }", new Dictionary<string, object?> { ["n"] = 42 }, "INVALID_VALUE" },
        { "query A { hello } query B { hello }", null, "NO_OPERATION_NAME" },
        { "mutation { greet }", null, "PROVIDED_NON_NULL_ARGUMENTS" },
    };

    [Theory]
    [MemberData(nameof(FailuresBeforeExecution))]
    public async Task A_request_failing_before_execution_is_400_without_data_in_graphql_response_json(string query, object? variables, string code)
    {
        var response = await _client.PostJsonAsync(new { query, variables });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(GraphQLResponseUtf8, response.ContentType);
        Assert.False(response.HasData);
        Assert.Equal(code, response.ErrorCodes[0]);
    }

    [Theory]
    [MemberData(nameof(FailuresBeforeExecution))]
    public async Task A_request_failing_before_execution_is_200_for_legacy_json_clients(string query, object? variables, string code)
    {
        var response = await _client.PostJsonAsync(new { query, variables }, accept: Json);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(JsonUtf8, response.ContentType);
        Assert.False(response.HasData);
        Assert.Equal(code, response.ErrorCodes[0]);
    }

    [Fact]
    public async Task A_get_failing_validation_is_400_like_a_post()
    {
        var response = await _client.GetQueryAsync("{ unknownField }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(GraphQLResponseUtf8, response.ContentType);
        Assert.Equal(["FIELDS_ON_CORRECT_TYPE"], response.ErrorCodes);
    }

    [Fact]
    public async Task An_executed_operation_with_a_field_error_is_200_with_partial_data()
    {
        var response = await _client.PostJsonAsync(new { query = "{ ok: hello failed: hello(name: \"boom\") }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(GraphQLResponseUtf8, response.ContentType);
        Assert.Equal("Hello, world!", response.Json.GetProperty("data").GetProperty("ok").GetString());
        Assert.Equal(["INTERNAL"], response.ErrorCodes);
    }
}
