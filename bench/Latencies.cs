using System.Diagnostics;

namespace OurSociety.Federation.Bench;

/// <summary>Per-worker latency samples in stopwatch ticks; merged once the run is over, so recording takes no lock.</summary>
public sealed class Latencies
{
    private readonly List<long> _ticks = new(1 << 14);

    public int Count => _ticks.Count;

    public void Add(long ticks) => _ticks.Add(ticks);

    public static Summary Summarise(IEnumerable<Latencies> workers, TimeSpan elapsed) => Summarise(workers.SelectMany(w => w._ticks).ToArray(), elapsed);

    /// <summary>Sorts <paramref name="all"/> in place and summarises it.</summary>
    public static Summary Summarise(long[] all, TimeSpan elapsed)
    {
        Array.Sort(all);
        double Ms(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(q * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new Summary(all.Length, elapsed.TotalSeconds, all.Length / elapsed.TotalSeconds, Ms(0.50), Ms(0.99), Ms(1.0));
    }
}

/// <summary>Throughput and latency of one measured run.</summary>
public sealed record Summary(long Operations, double Seconds, double PerSecond, double P50Ms, double P99Ms, double MaxMs);
