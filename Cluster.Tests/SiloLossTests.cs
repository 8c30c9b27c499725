using System.Diagnostics;

namespace OurSociety.Federation.Cluster.Tests;

/// <summary>Two silos and an Api under a steady stream of writes; one silo is killed (SIGKILL) mid-stream.</summary>
public sealed class SiloLossTests(ITestOutputHelper log)
{
    [ClusterFact]
    public async Task A_killed_silo_loses_no_acknowledged_write_and_the_api_answers_again_within_15_seconds()
    {
        await using var postgres = await TestPostgres.CreateDatabaseAsync();
        await using var cluster = await LocalCluster.StartAsync(postgres, log);
        var clock = Stopwatch.StartNew();
        var work = await Workload.CreateAsync(cluster, clock);

        using var stop = new CancellationTokenSource();
        var load = work.RunAsync(stop.Token);
        await Wait.UntilAsync(() => work.Acknowledged >= 30, "30 writes acknowledged before the fault");
        var killedAt = work.Client.Now;
        var before = work.Acknowledged;
        await cluster.KillSiloAsync(0);

        // Keep writing until well past the target, so whatever the kill disturbed shows up in the attempts.
        await Wait.UntilAsync(() => work.Client.Now - killedAt > 20 && work.Acknowledged > before + 30, "30 more writes acknowledged after the kill");
        await stop.CancelAsync();
        await load;

        var recovered = Failover.SecondsToRecover(work.Client, killedAt);
        var afterKill = await work.VerifyAsync();
        log.WriteLine($"silo killed at {killedAt:F1} s; answered every request again after {recovered:F1} s; retries told: {Failover.Describe(work.Client.Failures)}");
        log.WriteLine($"after the kill: {afterKill}");

        await cluster.RestartAllAsync();
        var afterRestart = await work.VerifyAsync();
        log.WriteLine($"after restarting everything: {afterRestart}");

        Assert.True(recovered <= 15, $"The API took {recovered:F1} s to answer every request again; the target is 15 s.");
        Assert.Equal(afterKill.Acknowledged, afterKill.Found);
        Assert.Equal(0, afterKill.Duplicated);
        Assert.Equal(afterKill, afterRestart);
        cluster.Passed();
    }
}
