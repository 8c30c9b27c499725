using System.Net;
using System.Net.Sockets;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Hosting;

namespace OurSociety.Federation.Bench;

/// <summary>
/// The whole hub (silo + GraphQL) in this process on loopback ports, plus <c>/bare</c>: a plain Kestrel endpoint that
/// writes whatever bytes it is given, to compare the GraphQL pipeline with the HTTP server alone.
/// </summary>
public sealed class HubHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _dataDirectory;

    private HubHost(WebApplication app, Uri baseAddress, string? dataDirectory)
    {
        _app = app;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A token the hub's own issuer signs for <paramref name="subject"/>.</summary>
    public string TokenFor(string subject, HubRoles roles = HubRoles.None) => _app.Services.GetRequiredService<HubTokenIssuer>().Issue(subject, roles);

    /// <summary>What <c>/bare</c> answers with; set it from a captured GraphQL response.</summary>
    public byte[] BareBody { get; set; } = "{}"u8.ToArray();

    public string BareContentType { get; set; } = "application/json";

    /// <summary>Parses and full validations of GraphQL documents, when the hub was started with <c>countDocuments</c>.</summary>
    public DocumentCounter Counter { get; private init; } = new();

    /// <summary>
    /// Starts a hub; <paramref name="settings"/> are extra <c>--Key=value</c> settings; a second hub in the same process
    /// needs its own <paramref name="name"/>, which becomes part of its cluster id. With <paramref name="countDocuments"/>
    /// <see cref="Counter"/> counts GraphQL parses and validations (two more steps around each execution).
    /// </summary>
    public static async Task<HubHost> StartAsync(BenchOptions options, IEnumerable<string>? settings = null, string name = "bench", bool countDocuments = false)
    {
        var counter = new DocumentCounter();
        var http = FreePort();
        var args = new List<string>
        {
            $"--Urls=http://127.0.0.1:{http}",
            $"--Hub:Orleans:SiloPort={FreePort()}",
            $"--Hub:Orleans:GatewayPort={FreePort()}",
            $"--Hub:Orleans:ClusterId={name}-{Environment.ProcessId}",
            // The load comes from one address as fast as the hub answers; per-caller budgets would measure the limiter.
            "--Hub:RateLimits:Enabled=false",
        };
        args.AddRange(settings ?? []);
        string? dataDirectory = null;
        if (options.IsPostgres)
        {
            args.Add("--Hub:Storage:Provider=PostgreSql");
            args.Add($"--Hub:Storage:ConnectionString={options.ConnectionString}");
        }
        else
        {
            dataDirectory = Directory.CreateTempSubdirectory("hub-bench-").FullName;
            args.Add("--Hub:Storage:Provider=Sqlite");
            args.Add($"--Hub:Storage:DataDirectory={dataDirectory}");
        }

        var app = HubApp.Build([.. args], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (countDocuments)
            {
                counter.Register(builder.Services);
            }
        });
        var host = new HubHost(app, new Uri($"http://127.0.0.1:{http}/"), dataDirectory) { Counter = counter };
        app.MapPost("/bare", (HttpContext context) =>
        {
            context.Response.ContentType = host.BareContentType;
            context.Response.ContentLength = host.BareBody.Length;
            return context.Response.Body.WriteAsync(host.BareBody).AsTask();
        });
        await app.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(stop.Token);
        try
        {
            await _app.DisposeAsync();
        }
        catch (ObjectDisposedException e)
        {
            // The SQLite grain storage is disposed twice at shutdown (its lifecycle stop, then the container); see README.
            Console.WriteLine($"  shutdown: {e.GetType().Name}: {e.Message}");
        }
        if (_dataDirectory is not null)
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
