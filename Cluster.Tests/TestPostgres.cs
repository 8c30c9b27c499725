using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OurSociety.Federation.Cluster.Tests;

/// <summary>
/// PostgreSQL for the cluster tests: a fresh database on the server named by <c>HUB_TEST_POSTGRES</c>, or a server of
/// the test's own (initdb and pg_ctl, as the <c>postgres</c> user when root) that it may stop and start.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "HUB_TEST_POSTGRES";

    private readonly string? _ownDirectory;
    private readonly string? _bin;
    private readonly int _port;

    private TestPostgres(string connectionString, string? ownDirectory, string? bin, int port)
    {
        ConnectionString = connectionString;
        _ownDirectory = ownDirectory;
        _bin = bin;
        _port = port;
    }

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A connection string the hub's processes use: pooled, at most 20 connections each.</summary>
    public string ConnectionString { get; }

    /// <summary>A fresh database on the shared test server.</summary>
    public static async Task<TestPostgres> CreateDatabaseAsync()
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException($"{Variable} is not set and CI=true: run ./scripts/test, which starts a throwaway PostgreSQL and sets it.");
        var name = $"hub_cluster_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TestPostgres(new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20 }.ConnectionString, null, null, 0);
    }

    /// <summary>A server of this test's own on a free loopback port, so stopping it disturbs no other test.</summary>
    public static async Task<TestPostgres> StartOwnServerAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException("PostgreSQL's initdb and pg_ctl were not found (on PATH or in /usr/lib/postgresql/*/bin).");
        var directory = Path.Combine(Path.GetTempPath(), $"hub-cluster-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres", directory]);
        }

        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(directory, "data"), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
        var port = FreePort();
        var server = new TestPostgres($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=20", directory, bin, port);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the test's own server (again), on the same port.</summary>
    public Task StartAsync() => RunAsPostgresAsync(Path.Combine(_bin!, "pg_ctl"),
        ["-D", Path.Combine(_ownDirectory!, "data"), "-w", "-t", "60", "-l", Path.Combine(_ownDirectory!, "server.log"),
            "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_ownDirectory} -c fsync=off -c max_connections=200", "start"]);

    /// <summary>Stops the test's own server at once, as an outage would: open connections are cut.</summary>
    public Task StopAsync() => RunAsPostgresAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", Path.Combine(_ownDirectory!, "data"), "-m", "fast", "-w", "-t", "60", "stop"]);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_ownDirectory is not null)
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }

            Directory.Delete(_ownDirectory, recursive: true);
            return;
        }

        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string? FindBin()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "initdb")))
            {
                return folder;
            }
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
    }

    private static Task RunAsPostgresAsync(string program, IReadOnlyList<string> arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
