using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>The WebSocket endpoint's limits: initialisation timeout, operations per connection, message size, keep-alive, shutdown.</summary>
public sealed class WebSocketLimitsTests(WebSocketLimitsTransportHost host) : IClassFixture<WebSocketLimitsTransportHost>
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_client_that_sends_no_connection_init_in_time_is_closed_with_4408()
    {
        await using var client = await host.ConnectAsync();

        Assert.Equal((4408, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task An_acknowledged_connection_outlives_the_initialisation_timeout()
    {
        await using var client = await host.ConnectAndInitAsync();

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await client.AssertAliveAsync();
    }

    [Fact]
    public async Task An_operation_beyond_the_limit_gets_a_coded_error_and_the_connection_stays()
    {
        await using var client = await host.ConnectAndInitAsync();
        var first = StreamProbe.NewKey();
        var second = StreamProbe.NewKey();
        await client.SubscribeAsync("1", "subscription($key: String!) { forever(key: $key) }", new { key = first });
        await client.ReceiveAsync();
        await client.SubscribeAsync("2", "subscription($key: String!) { forever(key: $key) }", new { key = second });
        await client.ReceiveAsync();

        await client.SubscribeAsync("3", "subscription { ticks(count: 1) }");

        var refused = await client.ReceiveAsync();
        Assert.Equal("error", (string?)refused["type"]);
        Assert.Equal("3", (string?)refused["id"]);
        Assert.Equal("TOO_MANY_OPERATIONS", (string?)refused["payload"]![0]!["extensions"]?["code"]);

        await client.CompleteAsync("1");
        await StreamProbe.For(first).Disposed.Task.WaitAsync(_patience);
        await client.SubscribeAsync("3", "subscription { ticks(count: 1) }");
        var next = await client.ReceiveAsync();
        Assert.Equal("3", (string?)next["id"]);
        Assert.Equal(1, (int?)next["payload"]?["data"]?["ticks"]);
    }

    [Fact]
    public async Task A_query_past_the_execution_timeout_answers_error_coded_timeout()
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("slow", "{ hello(name: \"slow\") }");

        var error = await client.ReceiveAsync();
        Assert.Equal("error", (string?)error["type"]);
        Assert.Equal("slow", (string?)error["id"]);
        Assert.Equal("TIMEOUT", (string?)error["payload"]![0]!["extensions"]?["code"]);
    }

    [Fact]
    public async Task A_subscription_outlives_the_execution_timeout()
    {
        await using var client = await host.ConnectAndInitAsync();
        var key = StreamProbe.NewKey();
        await client.SubscribeAsync("long", "subscription($key: String!) { forever(key: $key) }", new { key });
        await client.ReceiveAsync();

        await Task.Delay(TimeSpan.FromSeconds(1));

        await client.AssertAliveAsync();
        Assert.False(StreamProbe.For(key).Disposed.Task.IsCompleted);
        await client.CompleteAsync("long");
        await StreamProbe.For(key).Disposed.Task.WaitAsync(_patience);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_the_connection_with_1009()
    {
        await using var client = await host.ConnectAndInitAsync();

        await client.SubscribeAsync("big", "{ hello(name: \"" + new string('x', 2000) + "\") }");

        Assert.Equal(1009, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task An_acknowledged_connection_gets_keep_alive_pings()
    {
        await using var client = await host.ConnectAndInitAsync();

        var ping = await client.ReceiveAsync(includePings: true);

        Assert.Equal("ping", (string?)ping["type"]);
    }

    [Fact]
    public async Task Stopping_the_server_closes_connections_with_1001_and_disposes_their_streams()
    {
        var server = new WebSocketTransportHost();
        await server.InitializeAsync();
        try
        {
            await using var client = await server.ConnectAndInitAsync();
            var key = StreamProbe.NewKey();
            await client.SubscribeAsync("s", "subscription($key: String!) { forever(key: $key) }", new { key });
            await client.ReceiveAsync();
            var lifetime = server.App.Services.GetRequiredService<IHostApplicationLifetime>();

            var stopped = server.App.StopAsync();

            Assert.Equal(1001, (await client.ReceiveCloseAsync()).Code);
            await StreamProbe.For(key).Disposed.Task.WaitAsync(_patience);
            await stopped.WaitAsync(_patience);
            Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
