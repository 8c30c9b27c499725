using System.Net;

namespace OurSociety.Federation.Api.Tests.Transport;

public sealed class ErrorCodeTests(TransportHost host) : IClassFixture<TransportHost>
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task An_unhandled_resolver_exception_is_masked_as_internal()
    {
        var response = await _client.PostJsonAsync(new { query = "{ hello(name: \"boom\") }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(
            """{"errors":[{"message":"Internal server error.","locations":[{"line":1,"column":3}],"path":["hello"],"extensions":{"code":"INTERNAL","codes":["INTERNAL"]}}],"data":{"hello":null}}""",
            response.Body);
        Assert.DoesNotContain(TestQueryType.SecretMessage, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_the_app_maps_to_a_coded_error_keeps_its_code_and_message()
    {
        var response = await _client.PostJsonAsync(new { query = "{ hello(name: \"rejected\") }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["NAME_REJECTED"], response.ErrorCodes);
        Assert.Equal("That name is not allowed.", response.Json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_error_raised_without_a_code_is_marked_unclassified()
    {
        var response = await _client.PostJsonAsync(new { query = "{ hello(name: \"uncoded\") }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["UNCLASSIFIED"], response.ErrorCodes);
        Assert.Equal("That name is taken.", response.Json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{ hello(name: \"boom\") }")]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("{ hello(nam: \"x\") }")]
    [InlineData("query Q($a: Int) { hello }")]
    [InlineData("{ hello } { __typename }")]
    [InlineData("query Q { hello } query Q { hello }")]
    public async Task Every_error_carries_a_code(string query)
    {
        var response = await _client.PostJsonAsync(new { query });

        Assert.NotEmpty(response.ErrorCodes);
        Assert.All(response.ErrorCodes, code => Assert.False(string.IsNullOrEmpty(code)));
    }
}
