using OurSociety.Federation.Common;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Bench;

/// <summary>What an activated, idle organisation costs in memory: register many, collect fully, compare.</summary>
public static class MemoryBench
{
    public static async Task RunAsync(HubHost hub, BenchOptions options, Report report)
    {
        var count = options.Organisations;
        Console.WriteLine($"Memory: registering {count:#,0} organisations");

        // Warm the code paths first so JIT and first-use allocations are not charged to the organisations.
        await RegisterAsync(hub, 1_000);
        var (rss0, heap0) = Measure();
        var (seconds, rate) = await RegisterAsync(hub, count);
        var (rss1, heap1) = Measure();

        report.Add($"Registering {count:#,0} organisations (256 in flight)", rate, "orgs/s");
        var rssEach = (rss1 - rss0) / 1024.0 / count;
        var heapEach = (heap1 - heap0) / 1024.0 / count;
        report.Add("Resident memory per idle organisation", rssEach, "KiB");
        report.Add("GC heap per idle organisation", heapEach, "KiB");
        report.Note($"Registering {count:#,0} organisations took {seconds:0.0} s; RSS {rss0 / 1048576.0:#,0} → {rss1 / 1048576.0:#,0} MiB, GC heap {heap0 / 1048576.0:#,0} → {heap1 / 1048576.0:#,0} MiB.");
        report.Check("Resident memory per idle organisation ≤ 10 KiB", $"RSS {rssEach:0.00} KiB, GC heap {heapEach:0.00} KiB", rssEach <= 10 && heapEach <= 10);
    }

    private static Task<(double Seconds, double PerSecond)> RegisterAsync(HubHost hub, int count) =>
        Load.CountAsync(count, 256, n =>
        {
            var id = HubIds.OrganisationPrefix + Ulid.NewUlid();
            return hub.Grains.GetOrganisation(id).RegisterAsync(Seed.PersonOf(id, registering: true), new RegisterOrganisation($"Idle org {n}", "CHARITY", null, null, null, null, null, null));
        }, TimeSpan.FromMinutes(10));

    private static (long Rss, long Heap) Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        Thread.Sleep(500);
        return (Environment.WorkingSet, GC.GetTotalMemory(forceFullCollection: false));
    }
}
