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

    /// <summary>
    /// An open loop: starts operations at <paramref name="perSecond"/> for <paramref name="duration"/>, whether or not
    /// earlier ones have finished, and times each from when it was due, so time spent queued behind a slow answer counts.
    /// Operations are started on a timer of about a millisecond, those that fell due since the last tick together.
    /// </summary>
    public static async Task<Summary> PacedAsync(double perSecond, TimeSpan duration, Func<long, Task> operation)
    {
        var count = (long)(perSecond * duration.TotalSeconds);
        var ticks = new long[count];
        var tasks = new Task[count];
        var interval = Stopwatch.Frequency / perSecond;
        var started = Stopwatch.GetTimestamp();

        async Task Timed(long k, long due)
        {
            await operation(k);
            ticks[k] = Stopwatch.GetTimestamp() - due;
        }

        for (long k = 0; k < count;)
        {
            var now = Stopwatch.GetTimestamp();
            for (; k < count && started + (long)(k * interval) <= now; k++)
            {
                tasks[k] = Timed(k, started + (long)(k * interval));
            }

            if (k < count)
            {
                await Task.Delay(1);
            }
        }

        await Task.WhenAll(tasks);
        return Latencies.Summarise(ticks, Stopwatch.GetElapsedTime(started));
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
