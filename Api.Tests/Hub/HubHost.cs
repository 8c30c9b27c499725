using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Hosting;

namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>
/// The real hub (Kestrel on loopback, a co-hosted silo on free ports, real storage) for end-to-end tests.
/// Stop and start it again with the same settings to prove what survives a restart.
/// </summary>
public sealed class HubHost : IAsyncDisposable
{
    private readonly string[] _args;
    private WebApplication? _app;

    private HubHost(string[] args) => _args = args;

    public HttpClient Http { get; private set; } = null!;

    public IGrainFactory Grains => _app!.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _app!.Services;

    /// <summary>A hub on the embedded SQLite store in a fresh temporary folder.</summary>
    public static Task<HubHost> StartSqliteAsync(string? dataDirectory = null) =>
        StartAsync($"--Hub:Storage:Provider=Sqlite", $"--Hub:Storage:DataDirectory={dataDirectory ?? NewDataDirectory()}");

    /// <summary>A hub on PostgreSQL at <paramref name="connectionString"/>.</summary>
    public static Task<HubHost> StartPostgresAsync(string connectionString) =>
        StartAsync("--Hub:Storage:Provider=PostgreSql", $"--Hub:Storage:ConnectionString={connectionString}");

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "hub-test-" + Guid.NewGuid().ToString("N"));

    private static async Task<HubHost> StartAsync(params string[] storage)
    {
        var host = new HubHost([.. storage, "--Urls=http://127.0.0.1:0", $"--Hub:Orleans:SiloPort={FreePort()}", $"--Hub:Orleans:GatewayPort={FreePort()}",
            "--Hub:RateLimits:AnonymousPermitLimit=1000000", "--Hub:RateLimits:SignedInPermitLimit=1000000"]);
        await host.StartAsync();
        return host;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>Posts a GraphQL request without a token and returns the parsed response body; fails on a non-200 status.</summary>
    public Task<JsonNode> GraphQLAsync(string query, object? variables = null) => Anonymous.GraphQLAsync(query, variables);

    /// <summary>Runs a mutation without a token and returns its payload, asserting it has no errors.</summary>
    public Task<JsonNode> MutateAsync(string field, string query, object? variables = null) => Anonymous.MutateAsync(field, query, variables);

    /// <summary>A client without a token.</summary>
    public HubClient Anonymous => new(() => Http, null);

    /// <summary>A client presenting a token the hub signed for <paramref name="subject"/>.</summary>
    public HubClient As(string subject, HubRoles roles = HubRoles.None) =>
        new(() => Http, Services.GetRequiredService<HubTokenIssuer>().Issue(subject, roles));

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartAsync()
    {
        _app = HubApp.Build(_args);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    private async Task StopAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public static class JsonNodeExtensions
{
    public static string Str(this JsonNode node, string path) =>
        path.Split('.').Aggregate(node, (n, p) => n[p]!).GetValue<string>();

    public static T[] Values<T>(this JsonNode node, Func<JsonNode, T> select) => node.AsArray().Select(n => select(n!)).ToArray();

    public static JsonElement Element(this JsonNode node) => JsonSerializer.SerializeToElement(node);
}
