using System.Net;

namespace OurSociety.Federation.Api.Tests.Transport;

public sealed class IntrospectionSwitchTests(NoIntrospectionTransportHost host) : IClassFixture<NoIntrospectionTransportHost>
{
    private readonly HttpClient _client = host.Client;

    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Query\") { name } }")]
    [InlineData("{ hello __schema { types { name } } }")]
    public async Task With_introspection_off_schema_and_type_queries_are_refused_with_a_code(string query)
    {
        var response = await _client.PostJsonAsync(new { query });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.HasData);
        Assert.Equal(["INTROSPECTION_DISABLED"], response.ErrorCodes.Distinct());
    }

    [Fact]
    public async Task With_introspection_off_typename_still_works()
    {
        var response = await _client.PostJsonAsync(new { query = "{ __typename hello }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Query", response.Json.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task With_introspection_off_the_sdl_is_not_served()
    {
        using var response = await _client.GetAsync("/graphql/schema.graphql");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_introspection_off_errors_do_not_suggest_field_names()
    {
        var response = await _client.PostJsonAsync(new { query = "{ hell }" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["FIELDS_ON_CORRECT_TYPE"], response.ErrorCodes);
        var message = response.Json.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.DoesNotContain("hello", message, StringComparison.Ordinal);
        Assert.Equal(1, response.Json.GetProperty("errors")[0].GetProperty("locations").GetArrayLength());
    }
}
