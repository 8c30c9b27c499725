using System.Net;
using static OurSociety.Federation.Api.Tests.Transport.TransportRequests;

namespace OurSociety.Federation.Api.Tests.Transport;

public sealed class AcceptNegotiationTests(TransportHost host) : IClassFixture<TransportHost>
{
    private readonly HttpClient _client = host.Client;

    [Theory]
    [InlineData("application/graphql-response+json", GraphQLResponseUtf8)]
    [InlineData("application/graphql-response+json; charset=utf-8", GraphQLResponseUtf8)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponseUtf8)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponseUtf8)]
    [InlineData("application/json;q=0.9, application/graphql-response+json;q=0.8", JsonUtf8)]
    [InlineData("application/json", JsonUtf8)]
    [InlineData("*/*", JsonUtf8)]
    [InlineData("application/*", JsonUtf8)]
    [InlineData("text/html, */*;q=0.1", JsonUtf8)]
    [InlineData("*/*;q=0.5, application/graphql-response+json", GraphQLResponseUtf8)]
    [InlineData(null, JsonUtf8)]
    public async Task The_response_media_type_follows_accept(string? accept, string contentType)
    {
        var response = await _client.PostJsonAsync(new { query = "{ __typename }" }, accept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(contentType, response.ContentType);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", response.Body);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/*")]
    [InlineData("application/graphql-response+json;q=0, application/json;q=0")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Nothing_acceptable_is_406(string accept)
    {
        var response = await _client.PostJsonAsync(new { query = "{ __typename }" }, accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal(Problem, response.ContentType);
        Assert.Equal("NOT_ACCEPTABLE", response.ProblemCode);
    }

    [Fact]
    public async Task A_get_is_negotiated_the_same_way()
    {
        var json = await _client.GetQueryAsync("{ __typename }", Json);
        var refused = await _client.GetQueryAsync("{ __typename }", "text/html");

        Assert.Equal(JsonUtf8, json.ContentType);
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.Status);
    }
}
