using System.Diagnostics;
using System.Net;

namespace OurSociety.Federation.Cluster.Tests;

/// <summary>
/// Silo processes and one Api process (an Orleans client) in cluster mode (<c>Hub:Orleans:Clustering=AdoNet</c>) on
/// free loopback ports, with a cluster id of their own, against a test PostgreSQL. Each silo keeps its ports across
/// restarts. Disposing kills whatever still runs and, unless <see cref="Passed"/> was called, writes the processes'
/// last output to the test log.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private static readonly TimeSpan _startLimit = TimeSpan.FromSeconds(120);

    private readonly TestPostgres _postgres;
    private readonly ITestOutputHelper _log;
    private readonly (int Silo, int Gateway, int Health)[] _siloPorts;
    private readonly HubProcess?[] _silos;
    private readonly List<HubProcess> _ended = [];
    private readonly string _apiData = Path.Combine(Path.GetTempPath(), $"hub-cluster-api-{Guid.NewGuid():N}");
    private bool _passed;

    private LocalCluster(TestPostgres postgres, ITestOutputHelper log, int silos)
    {
        _postgres = postgres;
        _log = log;
        _siloPorts = [.. Enumerable.Range(0, silos).Select(_ => (TestPostgres.FreePort(), TestPostgres.FreePort(), TestPostgres.FreePort()))];
        _silos = new HubProcess?[silos];
        ApiPort = TestPostgres.FreePort();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ApiPort}"), Timeout = TimeSpan.FromSeconds(30) };
        Client = new GraphQLClient(Http);
    }

    public string ClusterId { get; } = $"cluster-test-{Guid.NewGuid():N}";

    public int ApiPort { get; }

    public HttpClient Http { get; }

    public GraphQLClient Client { get; }

    public HubProcess? Api { get; private set; }

    public HubProcess Silo(int index) => _silos[index] ?? throw new InvalidOperationException($"Silo {index} is not running.");

    public int SiloPort(int index) => _siloPorts[index].Silo;

    public Uri SiloHealth(int index) => new($"http://127.0.0.1:{_siloPorts[index].Health}");

    /// <summary>A cluster with nothing started yet.</summary>
    public static LocalCluster Create(TestPostgres postgres, ITestOutputHelper log, int silos = 2) => new(postgres, log, silos);

    /// <summary>Starts <paramref name="silos"/> silos (waiting until each is ready) and then the Api (waiting until it is ready).</summary>
    public static async Task<LocalCluster> StartAsync(TestPostgres postgres, ITestOutputHelper log, int silos = 2)
    {
        var cluster = new LocalCluster(postgres, log, silos);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(cluster.StartSiloAsync));
            await cluster.StartApiAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The settings every process of this cluster shares.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Hub__Storage__Provider"] = "PostgreSql",
        ["Hub__Storage__ConnectionString"] = _postgres.ConnectionString,
        ["Hub__Orleans__Clustering"] = "AdoNet",
        ["Hub__Orleans__ClusterId"] = ClusterId,
        ["Hub__Orleans__ServiceId"] = "cluster-tests",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Orleans"] = "Warning",
    };

    public async Task StartSiloAsync(int index)
    {
        var (silo, gateway, health) = _siloPorts[index];
        var process = HubProcess.Start($"silo{index}", "Silo",
            [$"--Hub:Orleans:SiloPort={silo}", $"--Hub:Orleans:GatewayPort={gateway}", $"--Hub:Health:Urls=http://127.0.0.1:{health}"],
            Settings());
        _silos[index] = process;
        await WaitReadyAsync(process, SiloHealth(index));
    }

    public async Task StartApiAsync(bool waitUntilReady = true)
    {
        var settings = Settings();
        settings["Hub__Orleans__Mode"] = "Client";
        settings["Hub__Storage__DataDirectory"] = _apiData;
        settings["Hub__RateLimits__AnonymousPermitLimit"] = "1000000";
        settings["Hub__RateLimits__SignedInPermitLimit"] = "1000000";
        Api = HubProcess.Start("api", "Api", [$"--Urls=http://127.0.0.1:{ApiPort}"], settings);
        if (waitUntilReady)
        {
            await WaitReadyAsync(Api, Http.BaseAddress!);
        }
    }

    /// <summary>SIGKILL to one silo.</summary>
    public async Task KillSiloAsync(int index)
    {
        await Silo(index).KillAsync();
        Retire(index);
    }

    /// <summary>SIGTERM to one silo; returns once it has left (the process exited).</summary>
    public async Task<int> StopSiloAsync(int index)
    {
        var silo = Silo(index);
        await silo.TerminateAsync(TimeSpan.FromSeconds(90));
        Retire(index);
        return silo.ExitCode;
    }

    /// <summary>Stops the Api and every silo (SIGTERM), then starts them all again on the same ports.</summary>
    public async Task RestartAllAsync()
    {
        if (Api is { } api)
        {
            await api.TerminateAsync(TimeSpan.FromSeconds(60));
            _ended.Add(api);
            Api = null;
        }

        for (var i = 0; i < _silos.Length; i++)
        {
            if (_silos[i] is { } silo)
            {
                await silo.TerminateAsync(TimeSpan.FromSeconds(90));
                Retire(i);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, _silos.Length).Select(StartSiloAsync));
        await StartApiAsync();
    }

    /// <summary>A bearer token for <paramref name="subject"/>, signed by the Api's own issuer (its <c>token</c> command).</summary>
    public async Task<string> TokenAsync(string subject, bool admin = false)
    {
        var settings = Settings();
        settings["Hub__Storage__DataDirectory"] = _apiData;
        List<string> arguments = ["token", "--subject", subject];
        if (admin)
        {
            arguments.AddRange(["--role", "admin"]);
        }

        await using var command = HubProcess.Start("token", "Api", arguments, settings);
        var exit = await command.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(100); // the last output line arrives after the exit event
        return exit == 0 && command.Output.Split('\n').LastOrDefault(l => l.StartsWith("Bearer ", StringComparison.Ordinal)) is { } token
            ? token
            : throw new InvalidOperationException($"The token command failed ({exit}): {command.Output}");
    }

    /// <summary>Call when every assertion passed: the processes' output is then not written to the log.</summary>
    public void Passed() => _passed = true;

    public async ValueTask DisposeAsync()
    {
        var all = _silos.OfType<HubProcess>().Concat(Api is null ? [] : [Api]).Concat(_ended).ToList();
        foreach (var process in all)
        {
            await process.DisposeAsync();
        }

        if (!_passed)
        {
            foreach (var process in all)
            {
                _log.WriteLine($"--- {process.Name} (pid {process.Id}) ---\n{string.Join('\n', process.Output.Split('\n').TakeLast(60))}");
            }
        }

        Http.Dispose();
        if (Directory.Exists(_apiData))
        {
            Directory.Delete(_apiData, recursive: true);
        }
    }

    private void Retire(int index)
    {
        _ended.Add(_silos[index]!);
        _silos[index] = null;
    }

    private async Task WaitReadyAsync(HubProcess process, Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var probe = new GraphQLClient(http);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < _startLimit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited with {process.ExitCode} while starting:\n{process.Output}");
            }

            if (await probe.GetStatusAsync("/health/ready") == HttpStatusCode.OK)
            {
                _log.WriteLine($"{process.Name} ready after {watch.Elapsed.TotalSeconds:F1} s");
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{process.Name} was not ready within {_startLimit.TotalSeconds} s:\n{process.Output}");
    }
}
