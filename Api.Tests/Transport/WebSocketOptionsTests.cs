using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Api.Transport;

namespace OurSociety.Federation.Api.Tests.Transport;

public sealed class WebSocketOptionsTests
{
    [Theory]
    [InlineData("Hub:GraphQL:WebSocket:ConnectionInitTimeout", "00:00:00")]
    [InlineData("Hub:GraphQL:WebSocket:ConnectionInitTimeout", "01:00:00")]
    [InlineData("Hub:GraphQL:WebSocket:KeepAliveInterval", "-00:00:01")]
    [InlineData("Hub:GraphQL:WebSocket:MaxOperationsPerConnection", "0")]
    public async Task A_bad_websocket_setting_stops_the_host_at_start(string key, string value)
    {
        await using var app = WebSocketTransportHost.Build(new Dictionary<string, string?> { [key] = value });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(key.Split(':')[^1], failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Websocket_settings_are_bound_from_their_own_section_with_defaults()
    {
        await using var configured = WebSocketTransportHost.Build(new Dictionary<string, string?>
        {
            ["Hub:GraphQL:WebSocket:ConnectionInitTimeout"] = "00:00:03",
            ["Hub:GraphQL:WebSocket:KeepAliveInterval"] = "00:00:00",
            ["Hub:GraphQL:WebSocket:MaxOperationsPerConnection"] = "7",
        });
        await using var defaults = WebSocketTransportHost.Build(new Dictionary<string, string?>());

        var options = configured.Services.GetRequiredService<IOptions<GraphQLWebSocketOptions>>().Value;
        var defaultOptions = defaults.Services.GetRequiredService<IOptions<GraphQLWebSocketOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.Zero, 7), (options.ConnectionInitTimeout, options.KeepAliveInterval, options.MaxOperationsPerConnection));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), 100), (defaultOptions.ConnectionInitTimeout, defaultOptions.KeepAliveInterval, defaultOptions.MaxOperationsPerConnection));
    }
}
