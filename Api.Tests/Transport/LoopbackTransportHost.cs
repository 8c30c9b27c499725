using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// The transport on Kestrel at a free loopback port, for clients outside the process (graphql-http's audits).
/// </summary>
public sealed class LoopbackTransportHost : IAsyncLifetime
{
    private WebApplication? _app;

    public string GraphQLUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _app = TransportHost.Build(new Dictionary<string, string?>(), builder => builder.WebHost.UseUrls("http://127.0.0.1:0"));
        await _app.StartAsync();
        // Kestrel replaces port 0 with the port it bound.
        GraphQLUrl = $"{_app.Urls.Single()}/graphql";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
