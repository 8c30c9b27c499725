using System.Diagnostics;

namespace OurSociety.Federation.Cluster.Tests;

/// <summary>A silo stopped with SIGTERM under a steady stream of writes leaves the cluster and hands its grains on.</summary>
public sealed class GracefulShutdownTests(ITestOutputHelper log)
{
    [ClusterFact]
    public async Task A_silo_stopped_with_SIGTERM_leaves_the_cluster_and_no_request_fails_beyond_the_retry_it_is_told_to_make()
    {
        await using var postgres = await TestPostgres.CreateDatabaseAsync();
        await using var cluster = await LocalCluster.StartAsync(postgres, log);
        var clock = Stopwatch.StartNew();
        var work = await Workload.CreateAsync(cluster, clock);

        using var stop = new CancellationTokenSource();
        var load = work.RunAsync(stop.Token);
        await Wait.UntilAsync(() => work.Acknowledged >= 100, "100 writes acknowledged before the shutdown");
        var stoppingAt = work.Client.Now;
        var exitCode = await cluster.StopSiloAsync(0);
        var stoppedAt = work.Client.Now;
        var before = work.Acknowledged;
        await Wait.UntilAsync(() => work.Client.Now - stoppedAt > 5 && work.Acknowledged > before + 50, "50 writes acknowledged after the silo left");
        await stop.CancelAsync();
        await load;

        var tally = await work.VerifyAsync();
        var dead = await postgres.ScalarAsync(
            $"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{cluster.ClusterId}' AND Port = {cluster.SiloPort(0)} AND Status = 6");
        var told = work.Client.Failures.Where(a => a.End >= stoppingAt).ToList();
        log.WriteLine($"SIGTERM at {stoppingAt:F1} s; the silo exited with {exitCode} after {stoppedAt - stoppingAt:F1} s; its membership row is dead: {dead == 1}");
        log.WriteLine($"answers other than success since SIGTERM: {(told.Count == 0 ? "none" : Failover.Describe(told))}; {tally}");

        Assert.Equal(0, exitCode);
        Assert.Equal(1, dead);
        Assert.Empty(Failover.Untold(work.Client, stoppingAt));
        Assert.Equal(tally.Acknowledged, tally.Found);
        Assert.Equal(0, tally.Duplicated);
        cluster.Passed();
    }
}
