using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OurSociety.Federation.Bench;

/// <summary>The figures of one run, written as Markdown (for people) and JSON (for comparing runs).</summary>
public sealed class Report(BenchOptions options)
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true };

    private readonly List<Row> _rows = [];
    private readonly List<Target> _targets = [];
    private readonly List<string> _notes = [];

    public void Add(string scenario, Summary s) =>
        _rows.Add(new Row(scenario, s.PerSecond, "ops/s", s.Operations, s.P50Ms, s.P99Ms));

    public void Add(string scenario, double value, string unit) => _rows.Add(new Row(scenario, value, unit, null, null, null));

    public void Check(string target, string measured, bool pass) => _targets.Add(new Target(target, measured, pass));

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    public async Task WriteAsync()
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var stem = Path.Combine(options.OutputDirectory, $"{options.Backend}-{DateTime.UtcNow:yyyy-MM-dd}{(options.Only is { } only ? "-" + only : "")}{(options.NationalOff ? "-national-off" : "")}{(options.Quick ? "-quick" : "")}");
        var md = ToMarkdown();
        await File.WriteAllTextAsync(stem + ".md", md);
        var json = JsonSerializer.Serialize(
            new { options.Backend, options.Quick, options.Only, options.NationalOff, options.Machine, Date = DateTime.UtcNow, Rows = _rows, Targets = _targets, Notes = _notes },
            _indented);
        await File.WriteAllTextAsync(stem + ".json", json);
        Console.WriteLine();
        Console.WriteLine(md);
        Console.WriteLine($"Written {stem}.md and {stem}.json");
    }

    private string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.Append(c, $"# {options.Backend} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(options.Only is { } only ? $" — {only} only" : "")}{(options.NationalOff ? " — national statistics off" : "")}{(options.Quick ? " (quick)" : "")}\n\n");
        b.Append(c, $"Machine: {options.Machine}; .NET {Environment.Version}; server GC.\n\n");
        b.Append("| Scenario | Rate | Unit | Ops | p50 ms | p99 ms |\n|---|---:|---|---:|---:|---:|\n");
        foreach (var r in _rows)
        {
            b.Append(c, $"| {r.Scenario} | {r.Value:#,0.##} | {r.Unit} | {r.Operations?.ToString("#,0", c) ?? ""} | {r.P50Ms?.ToString("0.00", c) ?? ""} | {r.P99Ms?.ToString("0.00", c) ?? ""} |\n");
        }

        b.Append("\n| Target | Measured | Result |\n|---|---|---|\n");
        foreach (var t in _targets)
        {
            b.Append(c, $"| {t.Name} | {t.Measured} | {(t.Pass ? "PASS" : "FAIL")} |\n");
        }

        if (_notes.Count > 0)
        {
            b.Append("\nNotes:\n\n");
            foreach (var n in _notes)
            {
                b.Append(c, $"- {n}\n");
            }
        }

        return b.ToString();
    }

    private sealed record Row(string Scenario, double Value, string Unit, long? Operations, double? P50Ms, double? P99Ms);

    private sealed record Target(string Name, string Measured, bool Pass);
}
