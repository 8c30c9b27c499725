using System.Diagnostics;
using System.Net;

namespace OurSociety.Federation.Cluster.Tests;

/// <summary>
/// PostgreSQL (a server of the test's own) stops under a steady stream of writes and starts again: the Api answers
/// UNAVAILABLE with 503 meanwhile, no process stops, and service resumes by itself.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper log)
{
    [ClusterFact]
    public async Task While_PostgreSQL_is_down_the_api_answers_unavailable_and_afterwards_resumes_by_itself_with_every_acknowledged_write()
    {
        await using var postgres = await TestPostgres.StartOwnServerAsync();
        await using var cluster = await LocalCluster.StartAsync(postgres, log);
        var clock = Stopwatch.StartNew();
        var work = await Workload.CreateAsync(cluster, clock);

        using var stop = new CancellationTokenSource();
        var load = work.RunAsync(stop.Token);
        await Wait.UntilAsync(() => work.Acknowledged >= 30, "30 writes acknowledged before the outage");
        var stoppedAt = work.Client.Now;
        await postgres.StopAsync();

        // Down: every write is refused with UNAVAILABLE; the processes stay up and say they are alive but not ready.
        await Wait.UntilAsync(() => work.Client.Failures.Count(a => a.Start > stoppedAt + 1 && a.Status == 503) >= 3, "writes answered 503 during the outage");
        var duringOutage = work.Acknowledged;
        var live = await cluster.Client.GetStatusAsync("/health/live");
        var ready = await cluster.Client.GetStatusAsync("/health/ready");
        using var siloHealth = new HttpClient { BaseAddress = cluster.SiloHealth(1) };
        var siloReady = await new GraphQLClient(siloHealth).GetStatusAsync("/health/ready");
        var siloLive = await new GraphQLClient(siloHealth).GetStatusAsync("/health/live");
        await Task.Delay(TimeSpan.FromSeconds(3)); // an outage of several seconds, not one blip
        var startedAt = work.Client.Now;
        await postgres.StartAsync();

        await Wait.UntilAsync(() => work.Acknowledged > duringOutage + 30, "30 writes acknowledged after PostgreSQL is back");
        await stop.CancelAsync();
        await load;

        var recovered = Failover.SecondsToRecover(work.Client, startedAt);
        var tally = await work.VerifyAsync();
        var refused = work.Client.Failures.Where(a => a.End >= stoppedAt).ToList();
        log.WriteLine($"PostgreSQL down from {stoppedAt:F1} s to {startedAt:F1} s; answers while down: {Failover.Describe(refused)}");
        log.WriteLine($"Api while down: /health/live {(int)live}, /health/ready {(int)ready}; silo: /health/live {(int)siloLive}, /health/ready {(int)siloReady}");
        log.WriteLine($"answered every request again {recovered:F1} s after PostgreSQL started; {tally}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), (live, ready));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), (siloLive, siloReady));
        Assert.Empty(Failover.Untold(work.Client, stoppedAt));
        Assert.False(cluster.Api!.HasExited || cluster.Silo(0).HasExited || cluster.Silo(1).HasExited, "A process stopped during the outage.");
        Assert.True(recovered <= 15, $"The API took {recovered:F1} s after PostgreSQL started to answer every request again.");
        Assert.Equal(tally.Acknowledged, tally.Found);
        Assert.Equal(0, tally.Duplicated);
        Assert.Equal(HttpStatusCode.OK, await cluster.Client.GetStatusAsync("/health/ready"));
        cluster.Passed();
    }
}
