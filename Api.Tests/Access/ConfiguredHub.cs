using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Hosting;
using OurSociety.Federation.Api.Tests.Hub;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>A real hub (Kestrel on loopback, embedded silo and SQLite in a temporary folder) with settings of the test's choosing.</summary>
public sealed class ConfiguredHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private ConfiguredHub(WebApplication app, string dataDirectory, HttpClient http)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        Http = http;
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ConfiguredHub> StartAsync(params string[] settings)
    {
        var dataDirectory = HubHost.NewDataDirectory();
        var app = HubApp.Build(
            [
                "--Hub:Storage:Provider=Sqlite",
                $"--Hub:Storage:DataDirectory={dataDirectory}",
                "--Urls=http://127.0.0.1:0",
                $"--Hub:Orleans:SiloPort={FreePort()}",
                $"--Hub:Orleans:GatewayPort={FreePort()}",
                .. settings,
            ],
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ConfiguredHub(app, dataDirectory, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>What the hub's authentication makes of an <c>Authorization</c> header, without a request over the wire.</summary>
    public async Task<HubIdentity?> IdentityOfAsync(string authorization)
    {
        await using var scope = Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = authorization;
        var result = await context.AuthenticateAsync();
        return result.Succeeded ? HubIdentity.From(result.Principal!) : null;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
