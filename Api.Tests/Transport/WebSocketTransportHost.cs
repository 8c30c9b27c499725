using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OurSociety.Federation.Api.Transport;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// The transport with its WebSocket endpoint on Kestrel at a free loopback port (ClientWebSocket and Node need a real
/// socket), over <see cref="TestSchema"/>, with <see cref="WebSocketTestAuthenticator"/>. One instance is shared by a test class.
/// </summary>
public class WebSocketTransportHost : IAsyncLifetime
{
    public WebApplication App { get; private set; } = null!;

    /// <summary>The GraphQL endpoint as an <c>http://</c> address.</summary>
    public Uri HttpUrl { get; private set; } = null!;

    /// <summary>The GraphQL endpoint as a <c>ws://</c> address.</summary>
    public Uri WebSocketUrl { get; private set; } = null!;

    /// <summary>Configuration for this host (keys under <c>Hub:GraphQL</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        App = Build(Settings);
        await App.StartAsync();
        // Kestrel replaces port 0 with the port it bound.
        HttpUrl = new Uri($"{App.Urls.Single()}/graphql");
        WebSocketUrl = new UriBuilder(HttpUrl) { Scheme = "ws" }.Uri;
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    public Task<WebSocketTestClient> ConnectAsync(string? subProtocol = WebSocketTestClient.Protocol) =>
        WebSocketTestClient.ConnectAsync(WebSocketUrl, subProtocol);

    /// <summary>Connects and is acknowledged, optionally with a <c>connection_init</c> payload.</summary>
    public async Task<WebSocketTestClient> ConnectAndInitAsync(object? payload = null)
    {
        var client = await ConnectAsync();
        await client.InitAsync(payload);
        return client;
    }

    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings)
    {
        var app = TransportHost.Build(settings, builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddGraphQLWebSocket(builder.Configuration);
            builder.Services.AddSingleton<IGraphQLWebSocketAuthenticator, WebSocketTestAuthenticator>();
        });

        // WebApplication runs mapped endpoints after all middleware, so UseWebSockets added now still comes before them.
        app.UseWebSockets();
        return app;
    }
}
