using System.Collections.Concurrent;
using System.Diagnostics;

namespace OurSociety.Federation.Cluster.Tests;

/// <summary>
/// One built Silo or Api assembly run as a process of its own (<c>dotnet &lt;assembly&gt;</c>, from its output folder so it
/// reads its appsettings.json), with its output kept for the test's log. Disposing kills it if it is still running.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private const int KeptLines = 400;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HubProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the process wrote (stdout and stderr).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts <paramref name="project"/> ("Silo" or "Api") with <paramref name="arguments"/> and <paramref name="environment"/>.</summary>
    public static HubProcess Start(string name, string project, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var folder = BuildFolder(project);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, $"OurSociety.Federation.{project}.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child's settings come from here only, never from whatever the test runner happened to have.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Hub__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var hub = new HubProcess(name, process);
        process.OutputDataReceived += (_, e) => hub.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => hub.Keep(e.Data);
        process.Start();
        hub.Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return hub;
    }

    /// <summary>SIGKILL: the process ends at once, leaving the cluster to find out.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as an orchestrator stops a process; returns once it exited (or throws after <paramref name="limit"/>).</summary>
    public async Task TerminateAsync(TimeSpan limit)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var signal = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not stop within {limit.TotalSeconds} s of SIGTERM.");
        }
    }

    /// <summary>Waits for the process to exit by itself.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>The project's output folder for the configuration this test assembly was built in.</summary>
    private static string BuildFolder(string project)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OurSociety.Federation.sln")))
        {
            root = root.Parent;
        }

        var folder = Path.Combine(root?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + here.FullName), project, "bin", configuration, framework);
        return File.Exists(Path.Combine(folder, $"OurSociety.Federation.{project}.dll"))
            ? folder
            : throw new InvalidOperationException($"{project} is not built in {folder}; build the solution first.");
    }
}
