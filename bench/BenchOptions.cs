namespace OurSociety.Federation.Bench;

/// <summary>
/// What to run, from the command line: <c>--backend sqlite|postgres [--connection …] [--quick] [--out dir] [--only scenario] [--national off]</c>.
/// </summary>
/// <param name="Only">One scenario of <see cref="Scenarios"/> to run alone, or null for all of them.</param>
/// <param name="NationalOff">The hub runs with <c>Hub:National:Enabled=false</c>: feeds' pokes count nothing for the national view.</param>
public sealed record BenchOptions(string Backend, string? ConnectionString, bool Quick, string OutputDirectory, string Machine, string? Only = null, bool NationalOff = false)
{
    /// <summary>The scenarios, in the order a full run takes them.</summary>
    public static readonly string[] Scenarios = ["memory", "posts", "feed", "federated", "introductions", "national", "national-ingest"];

    /// <summary>Settings the bench's main hub starts with.</summary>
    public IEnumerable<string> HubSettings => NationalOff ? ["--Hub:National:Enabled=false"] : [];

    public bool IsPostgres => Backend == "postgres";

    /// <summary>Whether <paramref name="scenario"/> is part of this run.</summary>
    public bool Runs(string scenario) => Only is null || Only == scenario;

    /// <summary>Activities in the deep network: 1M by default, 100k with <c>--quick</c>.</summary>
    public int DeepCount => Quick ? 100_000 : 1_000_000;

    public int Organisations => 100_000;

    public TimeSpan Measure => TimeSpan.FromSeconds(Quick ? 5 : 10);

    public TimeSpan WarmUp => TimeSpan.FromSeconds(Quick ? 2 : 3);

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var backend = Value("--backend") ?? "sqlite";
        if (backend is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--backend is sqlite or postgres, not '{backend}'.");
        }

        var connection = Value("--connection");
        if (backend == "postgres" && connection is null)
        {
            throw new ArgumentException("--backend postgres needs --connection \"Host=…;Port=…;Username=…;Database=…\".");
        }

        var only = Value("--only");
        if (only is not null && !Scenarios.Contains(only))
        {
            throw new ArgumentException($"--only is one of {string.Join(", ", Scenarios)}, not '{only}'.");
        }

        var national = Value("--national") ?? "on";
        if (national is not ("on" or "off"))
        {
            throw new ArgumentException($"--national is on or off, not '{national}'.");
        }

        return new BenchOptions(
            backend,
            connection,
            args.Contains("--quick"),
            Value("--out") ?? "results",
            Value("--machine") ?? $"{Environment.ProcessorCount} cores",
            only,
            national == "off");
    }
}
