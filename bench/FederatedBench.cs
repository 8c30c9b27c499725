using System.Text;
using System.Text.Json;
using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks.Links;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace OurSociety.Federation.Bench;

/// <summary>
/// Federated feed pages over GraphQL/HTTP: one reader network linked to 1, 5, 20 and 100 peer networks that share
/// offers, stories and events with it. For each, the peak rate of a closed loop (as many workers as the feed bench),
/// then the latency of an open loop paced at half that peak; a signed-in member of the reader, and anonymous. Then the
/// same repeated query with the document cache on (this hub) and off (a second hub with the cache size limit 0),
/// counting parses and full validations.
/// </summary>
public static class FederatedBench
{
    public static readonly int[] LinkCounts = [1, 5, 20, 100];

    /// <summary>Items each network posts, half linked and half public, in rounds so that sources interleave in time.</summary>
    public const int ItemsPerNetwork = 40;

    public const int MembersPerNetwork = 2;

    /// <summary>Links the document cache comparison uses (seeded again on the cache-off hub).</summary>
    public const int CacheLinks = 5;

    public const string Query =
        "query($slug:String!){ federatedFeed(networkSlug:$slug, first:20){ edges{ cursor node{ id title kind postedAt author{ name } originNetwork{ slug } } } pageInfo{ hasNextPage endCursor } } }";

    private const string OwnFeedQuery =
        "query($slug:String!){ network(slug:$slug){ feed(first:20){ edges{ cursor node{ id title kind postedAt author{ name } } } pageInfo{ hasNextPage endCursor } } } }";

    private static readonly ActivityKind[] _shared = [ActivityKind.Offer, ActivityKind.Story, ActivityKind.Event];

    public static async Task RunAsync(HubHost hub, BenchOptions options, Report report)
    {
        var measure = options.Quick ? TimeSpan.FromSeconds(3) : options.Measure;
        var warmUp = options.Quick ? TimeSpan.FromSeconds(1) : options.WarmUp;
        var workers = FeedBench.Connections;

        var loadBefore = LoadAverage();
        Console.WriteLine($"Federated feed: readers linked to {string.Join(", ", LinkCounts)} networks, {ItemsPerNetwork} items each");
        var seeding = Stopwatch.StartNew();
        var readers = await SeedAsync(hub.Grains, "fed", LinkCounts);
        report.Note($"Federated: seeded {LinkCounts.Max() + LinkCounts.Length} networks ({MembersPerNetwork} members, {ItemsPerNetwork} items each: " +
            $"offers, stories and events, alternately linked and public) and {LinkCounts.Sum()} links in {seeding.Elapsed.TotalSeconds:0.0} s.");
        await Task.Delay(TimeSpan.FromSeconds(2));
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        using var client = GraphQLClient.Create(hub.BaseAddress, workers);

        // One pass over every reader first, so the first link count measured does not pay for the rest of the warm-up.
        foreach (var links in LinkCounts)
        {
            var body = Body(readers[links].Slug);
            var token = hub.TokenFor(readers[links].Member);
            await Load.RunAsync(workers, warmUp, (_, _) => client.PostGraphQLAsync(body, token: token));
        }

        // A reference within this run: the reader's own feed (no links read), the same fields but originNetwork.
        var ownFeed = GraphQLClient.Body(OwnFeedQuery, new { slug = readers[1].Slug });
        var ownToken = hub.TokenFor(readers[1].Member);
        await Load.RunAsync(workers, warmUp, (_, _) => client.PostGraphQLAsync(ownFeed, token: ownToken));
        report.Add($"Reference: network.feed(first: 20) of the 1-link reader, member, peak ({workers} workers)",
            await Load.RunAsync(workers, measure, (_, _) => client.PostGraphQLAsync(ownFeed, token: ownToken)));

        var peaks = new Dictionary<int, Summary>();
        foreach (var links in LinkCounts)
        {
            var reader = readers[links];
            var body = Body(reader.Slug);
            var token = hub.TokenFor(reader.Member);
            report.Note($"Federated, {links} link(s): a member's page draws on {await SourcesAsync(client, body, token)} networks, an anonymous page on {await SourcesAsync(client, body, null)}.");

            Task Member(int worker, long n) => client.PostGraphQLAsync(body, token: token);
            await Load.RunAsync(workers, warmUp, Member);
            var peak = await Load.RunAsync(workers, measure, Member);
            peaks[links] = peak;
            report.Add($"Federated page, {links} link(s), member, peak ({workers} workers)", peak);

            var (gen0, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var paced = await Load.PacedAsync(peak.PerSecond / 2, measure, n => client.PostGraphQLAsync(body, token: token));
            report.Note($"Federated, {links} link(s), paced run: {GC.CollectionCount(0) - gen0} GCs ({GC.CollectionCount(2) - gen2} of gen 2), " +
                $"{(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms paused in {paced.Seconds:0.0} s; slowest page {paced.MaxMs:0.0} ms.");
            report.Add($"Federated page, {links} link(s), member, paced at half peak ({peak.PerSecond / 2:#,0}/s)", paced);
            report.Check($"{links} link(s): p99 < 25 ms at half peak", $"{paced.P99Ms:0.0} ms at {peak.PerSecond / 2:#,0}/s", paced.P99Ms < 25);

            Task Anonymous(int worker, long n) => client.PostGraphQLAsync(body);
            await Load.RunAsync(workers, warmUp, Anonymous);
            report.Add($"Federated page, {links} link(s), anonymous, peak ({workers} workers)", await Load.RunAsync(workers, measure, Anonymous));

            // Where the time goes: the network grain's federated page alone, in-process, for the same member.
            var caller = await hub.Grains.SignInAsync(reader.Member);
            var query = new FederatedQuery(new FeedQuery(null, 20, null, FeedAudience.Public), FederatedPosition.Start);
            Task Grain(int worker, long n) => hub.Grains.GetNetwork(reader.Slug).GetFederatedFeedAsync(caller, query);
            await Load.RunAsync(workers, warmUp / 2, Grain);
            report.Add($"Breakdown: {links} link(s), the grain call alone, in-process", await Load.RunAsync(workers, measure, Grain));
        }

        foreach (var links in LinkCounts.Where(l => l > 1))
        {
            var ratio = peaks[links].PerSecond / peaks[1].PerSecond;
            var target = links == 20 ? " ≥ 0.5× 1 link" : " (no target)";
            report.Check($"{links} links: throughput vs 1 link{target}", $"{peaks[links].PerSecond:#,0} / {peaks[1].PerSecond:#,0} = {ratio:0.00}×", links != 20 || ratio >= 0.5);
        }

        await DocumentCacheAsync(hub, options, report, readers[CacheLinks], warmUp, measure);
        report.Note($"Load average (1 min) of this machine: {loadBefore} before the federated scenario, {LoadAverage()} after it; other processes share its {Environment.ProcessorCount} cores.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>
    /// The same query, repeated by the same member, against this hub (document cache on) and a second hub in this
    /// process started with <c>Hub:GraphQL:DocumentCacheSizeLimit=0</c>, seeded the same way; parses and full
    /// validations counted during each measured run.
    /// </summary>
    private static async Task DocumentCacheAsync(HubHost hub, BenchOptions options, Report report, Reader reader, TimeSpan warmUp, TimeSpan measure)
    {
        Console.WriteLine("Federated feed: document cache on and off");
        await using var off = await HubHost.StartAsync(options, ["--Hub:GraphQL:DocumentCacheSizeLimit=0"], "bench-nocache", countDocuments: true);
        var offReaders = await SeedAsync(off.Grains, "nocache", [CacheLinks]);

        async Task<(Summary Run, long Requests, long Parses, long Validations)> MeasureAsync(HubHost host, DocumentCounter counter, Reader r)
        {
            using var client = GraphQLClient.Create(host.BaseAddress, FeedBench.Connections);
            var body = Body(r.Slug);
            var token = host.TokenFor(r.Member);
            Task Page(int worker, long n) => client.PostGraphQLAsync(body, token: token);
            await Load.RunAsync(FeedBench.Connections, warmUp, Page);
            var (requests, parses, validations) = (counter.Requests, counter.Parses, counter.Validations);
            var run = await Load.RunAsync(FeedBench.Connections, measure, Page);
            return (run, counter.Requests - requests, counter.Parses - parses, counter.Validations - validations);
        }

        // Alternate, so neither hub gets the warmer process: on, off, on, off; the second pair is reported.
        await MeasureAsync(hub, hub.Counter, reader);
        await MeasureAsync(off, off.Counter, offReaders[CacheLinks]);
        var on = await MeasureAsync(hub, hub.Counter, reader);
        var offRun = await MeasureAsync(off, off.Counter, offReaders[CacheLinks]);

        report.Add($"Federated page, {CacheLinks} links, member, document cache on", on.Run);
        report.Add($"Federated page, {CacheLinks} links, member, document cache off (a second hub)", offRun.Run);
        report.Note($"Document cache on: {on.Requests:#,0} requests, {on.Parses:#,0} parses, {on.Validations:#,0} full validations during the measured run; " +
            $"off: {offRun.Requests:#,0} requests, {offRun.Parses:#,0} parses, {offRun.Validations:#,0} full validations. " +
            $"Both hubs run in this process; the idle one costs little.");
        report.Check(
            "Repeated query: no parse or full validation with the cache on",
            $"{on.Parses} parses, {on.Validations} validations of {on.Requests:#,0} requests (off: {offRun.Parses:#,0} / {offRun.Validations:#,0} of {offRun.Requests:#,0}); " +
            $"{on.Run.PerSecond:#,0} vs {offRun.Run.PerSecond:#,0}/s = {on.Run.PerSecond / offRun.Run.PerSecond:0.00}×",
            on.Parses == 0 && on.Validations == 0 && on.Requests > 0 && offRun.Parses == offRun.Requests && offRun.Validations == offRun.Requests);
    }

    /// <summary>A reader network and the subject of a person acting for one of its member organisations.</summary>
    public sealed record Reader(string Slug, string Member);

    /// <summary>
    /// Peer networks <c>{prefix}-peer-0…</c> (as many as the largest link count) and one reader per link count, linked
    /// by consent to the first <c>n</c> peers, each peer sharing offers, stories and events with it; then every network's
    /// items, round by round. Returns once every link is active on both sides and every peer's feed shares with its readers.
    /// </summary>
    public static async Task<Dictionary<int, Reader>> SeedAsync(IGrainFactory grains, string prefix, IReadOnlyList<int> linkCounts)
    {
        var peers = Enumerable.Range(0, linkCounts.Max()).Select(i => $"{prefix}-peer-{i}").ToArray();
        var readers = linkCounts.Select(n => $"{prefix}-reader-{n}").ToArray();
        var slugs = peers.Concat(readers).ToArray();
        var authors = new string[slugs.Length][];
        await Load.CountAsync(slugs.Length, 16, async i => authors[i] = await Seed.NetworkAsync(grains, slugs[i], MembersPerNetwork), TimeSpan.FromMinutes(5));

        for (var round = 0; round < ItemsPerNetwork; round++)
        {
            var kind = _shared[round % _shared.Length];
            var visibility = round % 2 == 0 ? Visibility.Linked : Visibility.Public;
            await Task.WhenAll(slugs.Select((slug, i) =>
            {
                var author = authors[i][round % MembersPerNetwork];
                return grains.GetNetwork(slug).PostAsync(Seed.PersonOf(author), author, new PostActivity(
                    kind, $"{kind} {round} from {slug}", Seed.Body, Seed.Themes, null, null, visibility, null));
            }));
        }

        var coordinators = new Dictionary<string, Caller>(StringComparer.Ordinal);
        foreach (var slug in slugs)
        {
            coordinators[slug] = await grains.SignInAsync($"coordinator@{slug}");
        }

        for (var r = 0; r < readers.Length; r++)
        {
            var reader = readers[r];
            var linked = peers.Take(linkCounts[r]).ToArray();
            await Task.WhenAll(linked.Select(async peer =>
            {
                await grains.GetNetwork(reader).ProposeLinkAsync(coordinators[reader], peer, _shared);
                await UntilAsync($"{peer} hears {reader}'s proposal", async () =>
                    (await grains.GetNetwork(peer).GetLinksAsync(coordinators[peer], LinkState.Proposed)).Any(l => l.Peer == reader));
                await grains.GetNetwork(peer).AcceptLinkAsync(coordinators[peer], reader, _shared);
            }));
            await UntilAsync($"{reader} holds {linked.Length} active links", async () =>
                (await grains.GetNetwork(reader).GetLinksAsync(coordinators[reader], LinkState.Active)).Count == linked.Length);
            await UntilAsync($"{linked.Length} peers share with {reader}", async () =>
                (await Task.WhenAll(linked.Select(p => grains.GetFeed(p).SharesAsync(reader, ActivityKind.Story)))).All(s => s));
        }

        return linkCounts.Select((n, r) => (n, r)).ToDictionary(
            x => x.n,
            x => new Reader(readers[x.r], Seed.PersonOf(authors[peers.Length + x.r][0]).Subject));
    }

    private static async Task UntilAsync(string what, Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Gave up waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }

    private static byte[] Body(string slug) => GraphQLClient.Body(Query, new { slug });

    /// <summary>Checks one page (20 edges, no errors) and returns how many networks its items come from.</summary>
    private static async Task<int> SourcesAsync(HttpClient client, byte[] body, string? token)
    {
        var bytes = await client.PostGraphQLAsync(body, token: token);
        using var json = JsonDocument.Parse(bytes);
        if (json.RootElement.TryGetProperty("errors", out _)
            || !json.RootElement.TryGetProperty("data", out var data)
            || data.GetProperty("federatedFeed").GetProperty("edges") is var edges && edges.GetArrayLength() != 20)
        {
            throw new InvalidOperationException("The federated feed query failed: " + Encoding.UTF8.GetString(bytes));
        }

        return data.GetProperty("federatedFeed").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("originNetwork").GetProperty("slug").GetString()).Distinct().Count();
    }
}
