using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>The graphql-transport-ws protocol on the GraphQL path: messages, operations and the close codes for misuse.</summary>
public sealed class WebSocketProtocolTests(WebSocketTransportHost host) : IClassFixture<WebSocketTransportHost>
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_subscription_sends_each_event_as_next_then_complete()
    {
        await using var client = await host.ConnectAndInitAsync();
        Assert.Equal(WebSocketTestClient.Protocol, client.SubProtocol);

        await client.SubscribeAsync("t1", "subscription($n: Int!) { ticks(count: $n) }", new { n = 3 });

        for (var tick = 1; tick <= 3; tick++)
        {
            var next = await client.ReceiveAsync();
            Assert.Equal("next", (string?)next["type"]);
            Assert.Equal("t1", (string?)next["id"]);
            Assert.Equal(tick, (int?)next["payload"]?["data"]?["ticks"]);
            Assert.Null(next["payload"]?["errors"]);
        }

        var complete = await client.ReceiveAsync();
        Assert.Equal("complete", (string?)complete["type"]);
        Assert.Equal("t1", (string?)complete["id"]);
    }

    [Fact]
    public async Task A_query_over_a_websocket_answers_one_next_then_complete()
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("q1", "query($name: String) { hello(name: $name) }", new { name = "socket" });

        var next = await client.ReceiveAsync();
        Assert.Equal("next", (string?)next["type"]);
        Assert.Equal("q1", (string?)next["id"]);
        Assert.Equal("Hello, socket!", (string?)next["payload"]?["data"]?["hello"]);
        var complete = await client.ReceiveAsync();
        Assert.Equal("complete", (string?)complete["type"]);
        Assert.Equal("q1", (string?)complete["id"]);
    }

    [Fact]
    public async Task A_mutation_over_a_websocket_answers_one_next_then_complete()
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("m1", "mutation { greet(name: \"Ada\") }");

        Assert.Equal("Greeted Ada", (string?)(await client.ReceiveAsync())["payload"]?["data"]?["greet"]);
        Assert.Equal("complete", (string?)(await client.ReceiveAsync())["type"]);
    }

    [Fact]
    public async Task A_validation_error_answers_error_with_coded_graphql_errors_and_the_connection_stays()
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("v1", "{ " + Unique.Alias() + ": nope }");

        var error = await client.ReceiveAsync();
        Assert.Equal("error", (string?)error["type"]);
        Assert.Equal("v1", (string?)error["id"]);
        var errors = error["payload"]!.AsArray();
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", (string?)Assert.Single(errors)!["extensions"]?["code"]);
        await client.AssertAliveAsync();
    }

    [Fact]
    public async Task A_variable_that_does_not_coerce_answers_error()
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("v2", "subscription($n: Int!) { ticks(count: $n) }", new { n = "three" });

        var error = await client.ReceiveAsync();
        Assert.Equal("error", (string?)error["type"]);
        Assert.Equal("INVALID_VALUE", (string?)error["payload"]![0]!["extensions"]?["code"]);
    }

    [Fact]
    public async Task A_failing_stream_sends_its_masked_error_as_next_then_complete()
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("f1", "subscription { failing }");

        Assert.Equal(1, (int?)(await client.ReceiveAsync())["payload"]?["data"]?["failing"]);
        var failure = await client.ReceiveAsync();
        Assert.Equal("next", (string?)failure["type"]);
        var error = Assert.Single(failure["payload"]!["errors"]!.AsArray())!;
        Assert.Equal("INTERNAL", (string?)error["extensions"]?["code"]);
        Assert.DoesNotContain(TestQueryType.SecretMessage, failure.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("complete", (string?)(await client.ReceiveAsync())["type"]);
    }

    [Fact]
    public async Task A_ping_is_answered_with_a_pong_carrying_its_payload_even_before_the_connection_is_acknowledged()
    {
        await using var client = await host.ConnectAsync();

        await client.AssertAliveAsync();

        await client.SendAsync(new { type = "pong" });
        await client.InitAsync();
        await client.AssertAliveAsync();
    }

    [Fact]
    public async Task Completing_an_unknown_operation_is_ignored()
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.CompleteAsync("never-started");

        await client.AssertAliveAsync();
    }

    [Fact]
    public async Task The_client_completing_a_subscription_disposes_its_stream_and_frees_its_id()
    {
        await using var client = await host.ConnectAndInitAsync();
        var key = StreamProbe.NewKey();
        await client.SubscribeAsync("s1", "subscription($key: String!) { forever(key: $key) }", new { key });
        Assert.Equal(0, (int?)(await client.ReceiveAsync())["payload"]?["data"]?["forever"]);

        await client.CompleteAsync("s1");

        await StreamProbe.For(key).Disposed.Task.WaitAsync(_patience);
        await client.SubscribeAsync("s1", "subscription { ticks(count: 1) }");
        var next = await client.ReceiveAsync();
        Assert.Equal("s1", (string?)next["id"]);
        Assert.Equal(1, (int?)next["payload"]?["data"]?["ticks"]);
    }

    [Fact]
    public async Task A_client_that_drops_the_connection_has_its_streams_disposed()
    {
        var client = await host.ConnectAndInitAsync();
        var key = StreamProbe.NewKey();
        await client.SubscribeAsync("s1", "subscription($key: String!) { forever(key: $key) }", new { key });
        await StreamProbe.For(key).Subscribed.Task.WaitAsync(_patience);

        client.Abort();
        await client.DisposeAsync();

        await StreamProbe.For(key).Disposed.Task.WaitAsync(_patience);
    }

    [Fact]
    public async Task A_client_that_closes_the_connection_has_its_streams_disposed_and_its_close_answered()
    {
        await using var client = await host.ConnectAndInitAsync();
        var key = StreamProbe.NewKey();
        await client.SubscribeAsync("s1", "subscription($key: String!) { forever(key: $key) }", new { key });
        await StreamProbe.For(key).Subscribed.Task.WaitAsync(_patience);

        await client.CloseAsync();

        Assert.Equal(System.Net.WebSockets.WebSocketState.Closed, client.State);
        await StreamProbe.For(key).Disposed.Task.WaitAsync(_patience);
    }

    [Fact]
    public async Task Each_operation_runs_in_a_service_scope_of_its_own_that_is_disposed_when_it_ends()
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("a", "subscription { scoped }");
        var first = (string?)(await client.ReceiveAsync())["payload"]?["data"]?["scoped"];
        Assert.Equal("complete", (string?)(await client.ReceiveAsync())["type"]);
        await client.SubscribeAsync("b", "subscription { scoped }");
        var second = (string?)(await client.ReceiveAsync())["payload"]?["data"]?["scoped"];

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        await ScopedMarker.DisposedAsync(first).WaitAsync(_patience);
    }

    [Fact]
    public async Task Operations_run_as_the_user_the_authenticator_returned()
    {
        await using var signedIn = await host.ConnectAndInitAsync(new { user = "ada" });
        await using var anonymous = await host.ConnectAndInitAsync();

        await signedIn.SubscribeAsync("w", "subscription { whoami }");
        await anonymous.SubscribeAsync("w", "subscription { whoami }");

        Assert.Equal("ada", (string?)(await signedIn.ReceiveAsync())["payload"]?["data"]?["whoami"]);
        Assert.Equal("anonymous", (string?)(await anonymous.ReceiveAsync())["payload"]?["data"]?["whoami"]);
    }

    [Fact]
    public async Task Http_requests_on_the_same_path_still_reach_the_http_endpoint()
    {
        using var http = new HttpClient();

        using var response = await http.PostAsJsonAsync(host.HttpUrl, new { query = "{ hello }" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Hello, world!", (string?)body["data"]?["hello"]);
    }

    public static TheoryData<string> InvalidMessages => new()
    {
        "not json",
        "[]",
        """{"payload":{}}""",
        """{"type":42}""",
        """{"type":"unknown"}""",
        """{"type":"next","id":"1","payload":{}}""",
        """{"type":"connection_ack"}""",
        """{"type":"connection_init","payload":"token"}""",
        """{"type":"ping","payload":[1]}""",
        """{"type":"complete"}""",
        """{"type":"complete","id":""}""",
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task A_message_of_the_wrong_shape_closes_the_connection_with_4400(string message)
    {
        await using var client = await host.ConnectAsync();

        await client.SendTextAsync(message);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    public static TheoryData<string> InvalidSubscribes => new()
    {
        """{"type":"subscribe","payload":{"query":"{ hello }"}}""",
        """{"type":"subscribe","id":7,"payload":{"query":"{ hello }"}}""",
        """{"type":"subscribe","id":"1"}""",
        """{"type":"subscribe","id":"1","payload":{}}""",
        """{"type":"subscribe","id":"1","payload":{"query":1}}""",
        """{"type":"subscribe","id":"1","payload":{"query":"{ hello }","variables":[]}}""",
        """{"type":"subscribe","id":"1","payload":{"query":"{ hello }","operationName":5}}""",
        """{"type":"subscribe","id":"1","payload":{"query":"{ hello }","extensions":"x"}}""",
    };

    [Theory]
    [MemberData(nameof(InvalidSubscribes))]
    public async Task A_subscribe_of_the_wrong_shape_closes_the_connection_with_4400(string message)
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.SendTextAsync(message);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task A_binary_frame_closes_the_connection_with_4400()
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.SendBinaryAsync("""{"type":"ping"}"""u8.ToArray());

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task A_subscribe_before_the_connection_is_acknowledged_closes_it_with_4401()
    {
        await using var client = await host.ConnectAsync();

        await client.SubscribeAsync("early", "{ hello }");

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_connection_init_the_authenticator_rejects_closes_the_connection_with_4403()
    {
        await using var client = await host.ConnectAsync();

        await client.SendAsync(new { type = "connection_init", payload = new { reject = true } });

        Assert.Equal((4403, WebSocketTestAuthenticator.Rejection), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task An_authenticator_that_throws_closes_the_connection_with_4500_and_no_detail()
    {
        await using var client = await host.ConnectAsync();

        await client.SendAsync(new { type = "connection_init", payload = new { explode = true } });

        Assert.Equal((4500, "Internal server error"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_client_that_does_not_offer_the_subprotocol_is_closed_with_4406()
    {
        await using var client = await host.ConnectAsync(subProtocol: null);

        Assert.Equal((4406, "Subprotocol not acceptable"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_subscribe_reusing_the_id_of_a_running_operation_closes_the_connection_with_4409()
    {
        await using var client = await host.ConnectAndInitAsync();
        var key = StreamProbe.NewKey();
        await client.SubscribeAsync("dup", "subscription($key: String!) { forever(key: $key) }", new { key });
        await client.ReceiveAsync();

        await client.SubscribeAsync("dup", "subscription { ticks(count: 1) }");

        Assert.Equal((4409, "Subscriber for dup already exists"), await client.ReceiveCloseAsync());
        await StreamProbe.For(key).Disposed.Task.WaitAsync(_patience);
    }

    [Fact]
    public async Task A_second_connection_init_closes_the_connection_with_4429()
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }
}
