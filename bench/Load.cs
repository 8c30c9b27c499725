using System.Diagnostics;

namespace OurSociety.Federation.Bench;

/// <summary>A closed-loop load: <c>concurrency</c> workers each run one operation after another until the time is up.</summary>
public static class Load
{
    /// <summary>Runs for <paramref name="duration"/> (and at most <paramref name="maxOperations"/> operations in all), timing each operation.</summary>
    public static async Task<Summary> RunAsync(int concurrency, TimeSpan duration, Func<int, long, Task> operation, long maxOperations = long.MaxValue)
    {
        var workers = Enumerable.Range(0, concurrency).Select(_ => new Latencies()).ToArray();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long issued = 0;
        var tasks = workers.Select((latencies, worker) => Task.Run(async () =>
        {
            for (long i = 0; Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref issued) <= maxOperations; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                await operation(worker, i);
                latencies.Add(Stopwatch.GetTimestamp() - t0);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        return Latencies.Summarise(workers, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Runs <paramref name="count"/> operations with <paramref name="inFlight"/> at a time; returns operations per second.</summary>
    public static async Task<(double Seconds, double PerSecond)> CountAsync(long count, int inFlight, Func<long, Task> operation, TimeSpan limit)
    {
        long next = -1;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        long done = 0;
        var tasks = Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            long i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"Gave up after {limit.TotalSeconds:0}s with {Interlocked.Read(ref done)} of {count} done.");
                }

                await operation(i);
                Interlocked.Increment(ref done);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (seconds, count / seconds);
    }
}
