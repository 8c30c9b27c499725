using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>A graphql-transport-ws client over <see cref="ClientWebSocket"/> that sends frames as the test writes them.</summary>
public sealed class WebSocketTestClient : IAsyncDisposable
{
    public const string Protocol = "graphql-transport-ws";

    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;

    private WebSocketTestClient(ClientWebSocket socket) => _socket = socket;

    public string? SubProtocol => _socket.SubProtocol;

    public WebSocketState State => _socket.State;

    public static async Task<WebSocketTestClient> ConnectAsync(Uri url, string? subProtocol = Protocol, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        if (subProtocol is not null)
        {
            socket.Options.AddSubProtocol(subProtocol);
        }

        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(_patience);
        await socket.ConnectAsync(url, timeout.Token);
        return new WebSocketTestClient(socket);
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(_patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    public async Task SendBinaryAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(_patience);
        await _socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, timeout.Token);
    }

    /// <summary>Sends <c>connection_init</c> and expects <c>connection_ack</c>.</summary>
    public async Task InitAsync(object? payload = null)
    {
        await SendAsync(payload is null ? new { type = "connection_init" } : new { type = "connection_init", payload });
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", (string?)ack["type"]);
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public Task CompleteAsync(string id) => SendAsync(new { id, type = "complete" });

    /// <summary>Sends a ping with a payload and expects the pong to carry it back: proof the connection is open and served.</summary>
    public async Task AssertAliveAsync()
    {
        var marker = Guid.NewGuid().ToString("N");
        await SendAsync(new { type = "ping", payload = new { marker } });
        var pong = await ReceiveAsync();
        Assert.Equal("pong", (string?)pong["type"]);
        Assert.Equal(marker, (string?)pong["payload"]?["marker"]);
    }

    /// <summary>The next message; the server's keep-alive pings are skipped unless <paramref name="includePings"/>.</summary>
    public async Task<JsonObject> ReceiveAsync(bool includePings = false)
    {
        while (true)
        {
            var (text, close) = await ReceiveFrameAsync();
            Assert.True(text is not null, $"Expected a message, but the server closed with {close?.Code} {close?.Reason}.");
            var message = JsonNode.Parse(text)!.AsObject();
            if (includePings || (string?)message["type"] != "ping")
            {
                return message;
            }
        }
    }

    /// <summary>Reads until the server's close frame (skipping messages), answers it, and returns its code and reason.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        while (true)
        {
            var (_, close) = await ReceiveFrameAsync();
            if (close is { } closed)
            {
                return closed;
            }
        }
    }

    /// <summary>Drops the connection without a close frame, as a client that crashed or lost its network would.</summary>
    public void Abort() => _socket.Abort();

    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(_patience);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<(string? Text, (int Code, string? Reason)? Close)> ReceiveFrameAsync()
    {
        using var timeout = new CancellationTokenSource(_patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }

                return (null, ((int)received.CloseStatus!.Value, received.CloseStatusDescription));
            }

            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        return (Encoding.UTF8.GetString(message.ToArray()), null);
    }
}
