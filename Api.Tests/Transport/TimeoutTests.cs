using System.Net;
using static OurSociety.Federation.Api.Tests.Transport.TransportRequests;

namespace OurSociety.Federation.Api.Tests.Transport;

public sealed class TimeoutTests(TimeoutTransportHost host) : IClassFixture<TimeoutTransportHost>
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task An_operation_past_the_timeout_is_cancelled_with_a_timeout_error()
    {
        var response = await _client.PostJsonAsync(new { query = "{ hello(name: \"slow\") }" });

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.Status);
        Assert.Equal(GraphQLResponseUtf8, response.ContentType);
        Assert.False(response.HasData);
        Assert.Equal(["TIMEOUT"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_timeout_is_200_for_legacy_json_clients()
    {
        var response = await _client.PostJsonAsync(new { query = "{ hello(name: \"slow\") }" }, accept: Json);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(JsonUtf8, response.ContentType);
        Assert.Equal(["TIMEOUT"], response.ErrorCodes);
    }

    [Fact]
    public async Task An_operation_within_the_timeout_is_unaffected()
    {
        var response = await _client.PostJsonAsync(new { query = "{ hello }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", response.Body);
    }
}
