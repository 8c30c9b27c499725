using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Tests.Hub;
using OurSociety.Federation.Api.Tests.Transport;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>
/// Who a GraphQL WebSocket connection runs as on the real hub: a token in <c>connection_init</c> (as browsers send it)
/// or on the upgrade request is checked exactly as an HTTP request's, and a bad one never gets a connection.
/// </summary>
public sealed class WebSocketAuthenticationTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private const string Viewer = "{ viewer { subject } }";

    private readonly HubHost _hub = fixture.Hub;

    private Uri WebSocketUrl => new UriBuilder(new Uri(_hub.Http.BaseAddress!, "/graphql")) { Scheme = "ws" }.Uri;

    private string Token(string subject) => _hub.Services.GetRequiredService<HubTokenIssuer>().Issue(subject, HubRoles.None);

    [Theory]
    [InlineData("Authorization", "Bearer ")]
    [InlineData("authorization", "bearer ")]
    [InlineData("AUTHORIZATION", "Bearer ")]
    [InlineData("token", "")]
    [InlineData("token", "Bearer ")]
    public async Task A_token_in_the_connection_init_payload_signs_the_connection_in(string key, string prefix)
    {
        var subject = $"ws-{Guid.NewGuid():N}@example.org";
        await using var client = await WebSocketTestClient.ConnectAsync(WebSocketUrl);

        await client.InitAsync(new Dictionary<string, string> { [key] = prefix + Token(subject) });

        Assert.Equal(subject, await ViewerSubjectAsync(client));
    }

    [Fact]
    public async Task A_token_on_the_upgrade_request_signs_the_connection_in()
    {
        var subject = $"ws-{Guid.NewGuid():N}@example.org";
        await using var client = await WebSocketTestClient.ConnectAsync(
            WebSocketUrl, configure: options => options.SetRequestHeader("Authorization", "Bearer " + Token(subject)));

        await client.InitAsync();

        Assert.Equal(subject, await ViewerSubjectAsync(client));
    }

    [Fact]
    public async Task A_connection_signed_in_with_a_token_is_closed_with_4403_when_the_token_expires()
    {
        var subject = $"ws-{Guid.NewGuid():N}@example.org";
        var token = _hub.Services.GetRequiredService<HubTokenIssuer>().Issue(subject, HubRoles.None, TimeSpan.FromSeconds(3));
        await using var client = await WebSocketTestClient.ConnectAsync(WebSocketUrl);
        await client.InitAsync(new { Authorization = "Bearer " + token });
        Assert.Equal(subject, await ViewerSubjectAsync(client));

        var (code, reason) = await client.ReceiveCloseAsync().WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(4403, code);
        Assert.Contains("expired", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_without_a_token_is_anonymous()
    {
        await using var client = await WebSocketTestClient.ConnectAsync(WebSocketUrl);

        await client.InitAsync(new { something = "else" });

        Assert.Null(await ViewerSubjectAsync(client));
    }

    public static TheoryData<object, string> BadPayloads => new()
    {
        { new { Authorization = "Bearer not-a-token" }, "The bearer token could not be read." },
        { new { Authorization = "Basic YWRtaW46YWRtaW4=" }, "The Authorization value must be 'Bearer <token>'." },
        { new { authorization = "Bearer " }, "The Authorization value must be 'Bearer <token>'." },
        { new { token = 42 }, "The Authorization value must be 'Bearer <token>'." },
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public async Task A_bad_token_in_the_connection_init_payload_closes_the_connection_with_4403(object payload, string reason)
    {
        await using var client = await WebSocketTestClient.ConnectAsync(WebSocketUrl);

        await client.SendAsync(new { type = "connection_init", payload });

        Assert.Equal((4403, reason), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_in_the_payload_closes_the_connection_with_4403()
    {
        var settings = _hub.Services.GetRequiredService<IOptions<HubAuthOptions>>().Value;
        var otherKey = new HubSigningKey(Path.Combine(HubHost.NewDataDirectory(), "other-key.pem"));
        var forged = new HubTokenIssuer(otherKey, Options.Create(settings), TimeProvider.System).Issue("amara@example.org", HubRoles.Admin);
        await using var client = await WebSocketTestClient.ConnectAsync(WebSocketUrl);

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + forged } });

        Assert.Equal((4403, "The bearer token's signature is not valid."), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_bad_token_on_the_upgrade_request_is_refused_with_401_before_the_upgrade()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(WebSocketTestClient.Protocol);
        socket.Options.SetRequestHeader("Authorization", "Bearer not-a-token");
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(WebSocketUrl, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        Assert.Contains("invalid_token", socket.HttpResponseHeaders?["WWW-Authenticate"].Single(), StringComparison.Ordinal);
    }

    private static async Task<string?> ViewerSubjectAsync(WebSocketTestClient client)
    {
        await client.SubscribeAsync("viewer", Viewer);
        var next = await client.ReceiveAsync();
        Assert.Equal("next", (string?)next["type"]);
        Assert.Null(next["payload"]?["errors"]);
        return (string?)next["payload"]?["data"]?["viewer"]?["subject"];
    }
}
