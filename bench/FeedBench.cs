using System.Buffers.Text;
using System.Text;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Bench;

/// <summary>
/// Feed pages over GraphQL/HTTP: the newest page against a bare Kestrel endpoint that writes the same bytes, then the
/// newest and a middle page of a small and a large feed.
/// </summary>
public static class FeedBench
{
    public const int Connections = 32;
    public const int SmallCount = 1_000;
    public const int InFlight = 256;

    private const string Query =
        "query($slug:String!,$after:Cursor){ network(slug:$slug){ feed(first:20, after:$after){ edges{ cursor node{ id kind title body postedAt themes author{ name } } } pageInfo{ hasNextPage endCursor } } } }";

    public static async Task RunAsync(HubHost hub, BenchOptions options, Report report)
    {
        Console.WriteLine($"Seeding {SmallCount:#,0} and {options.DeepCount:#,0} activities");
        var smallAuthors = await Seed.NetworkAsync(hub.Grains, "feed-small", 16);
        var small = await Seed.ActivitiesAsync(hub.Grains, "feed-small", smallAuthors, SmallCount, InFlight);
        report.Add($"Seeding {SmallCount:#,0} activities ({InFlight} in flight)", small.PerSecond, "posts/s");
        var deepAuthors = await Seed.NetworkAsync(hub.Grains, "feed-deep", 16);
        var deep = await Seed.ActivitiesAsync(hub.Grains, "feed-deep", deepAuthors, options.DeepCount, InFlight);
        report.Add($"Seeding {options.DeepCount:#,0} activities ({InFlight} in flight)", deep.PerSecond, "posts/s");
        report.Note($"Seeding {options.DeepCount:#,0} activities into one network took {deep.Seconds:0.0} s.");

        // Measure the steady state, not the aftermath of seeding: let the work seeding queued (write batches, sealed
        // segments, idle deactivations, the national statistics counting every post) finish, then collect the garbage
        // it left, before the first timed page. A fixed 5 s was not enough: the first page timed after it ran at a
        // quarter of the same page timed a minute later.
        var settled = await SettleAsync(TimeSpan.FromMinutes(2));
        report.Note($"After seeding the hub was busy for {settled.TotalSeconds:0} s (until a second used under 5% of one core); pages are timed after that.");
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        using var client = GraphQLClient.Create(hub.BaseAddress, Connections);
        var newest = Request("feed-small", null);
        var captured = await client.PostGraphQLAsync(newest);
        if (Encoding.UTF8.GetString(captured).Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The feed query failed: " + Encoding.UTF8.GetString(captured));
        }

        hub.BareBody = captured;
        report.Note($"Feed page response: {captured.Length:#,0} bytes; {Connections} HTTP/1.1 keep-alive connections.");

        Task GraphQL(int worker, long n) => client.PostGraphQLAsync(newest);
        Task Bare(int worker, long n) => client.PostGraphQLAsync(newest, "bare");

        // Alternate warm-ups and measurements so neither side gets the warmer process. The GraphQL path is warmed
        // until its rate holds: on two cores the runtime's tiered compiler took over 10 s of load to finish with it
        // (the first 5 s timed after a 2 s warm-up ran at a quarter of the same page timed later; with tiered
        // compilation off the two agreed).
        var warmed = await WarmUpAsync(options.WarmUp, GraphQL);
        report.Note($"The GraphQL feed page was warmed for {warmed.TotalSeconds:0} s, until two 1 s rates in a row were within 5% of each other.");
        await Load.RunAsync(Connections, options.WarmUp, Bare);
        var graphql = await Load.RunAsync(Connections, options.Measure, GraphQL);
        var bare = await Load.RunAsync(Connections, options.Measure, Bare);
        report.Add("Feed page (first: 20) over GraphQL", graphql);
        report.Add("Same bytes from a bare Kestrel endpoint", bare);
        var ratio = graphql.PerSecond / bare.PerSecond;
        report.Check("GraphQL feed page ≥ 0.25 × bare Kestrel", $"{graphql.PerSecond:#,0} / {bare.PerSecond:#,0} = {ratio:0.00}×", ratio >= 0.25);

        await BreakdownAsync(hub, options, report, client);

        var pages = new (string Name, byte[] Body)[]
        {
            ($"{SmallCount / 1000}k feed, newest page", Request("feed-small", null)),
            ($"{SmallCount / 1000}k feed, page at {SmallCount / 2:#,0}", Request("feed-small", SmallCount / 2)),
            ($"{Label(options.DeepCount)} feed, newest page", Request("feed-deep", null)),
            ($"{Label(options.DeepCount)} feed, page at {options.DeepCount / 2:#,0}", Request("feed-deep", options.DeepCount / 2)),
        };
        var results = new Summary[pages.Length];
        for (var i = 0; i < pages.Length; i++)
        {
            var body = pages[i].Body;
            var check = Encoding.UTF8.GetString(await client.PostGraphQLAsync(body));
            if (check.Contains("\"errors\"", StringComparison.Ordinal) || !check.Contains("\"hasNextPage\":true", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{pages[i].Name} failed: {check}");
            }

            await Load.RunAsync(Connections, options.WarmUp, (_, _) => client.PostGraphQLAsync(body));
            results[i] = await Load.RunAsync(Connections, options.Measure, (_, _) => client.PostGraphQLAsync(body));
            report.Add(pages[i].Name, results[i]);
        }

        Compare(report, options, "newest page", results[0], results[2]);
        Compare(report, options, "middle page", results[1], results[3]);
    }

    /// <summary>Runs <paramref name="operation"/> for at least <paramref name="minimum"/>, then in 1 s slices until two in a row agree within 5% (at most 60 s).</summary>
    private static async Task<TimeSpan> WarmUpAsync(TimeSpan minimum, Func<int, long, Task> operation)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Load.RunAsync(Connections, minimum, operation);
        var previous = (await Load.RunAsync(Connections, TimeSpan.FromSeconds(1), operation)).PerSecond;
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            var rate = (await Load.RunAsync(Connections, TimeSpan.FromSeconds(1), operation)).PerSecond;
            if (Math.Abs(rate - previous) <= 0.05 * Math.Max(rate, previous))
            {
                break;
            }

            previous = rate;
        }

        return started.Elapsed;
    }

    /// <summary>Waits until this process (the hub and the driver) spends under 5% of one core for a whole second, or <paramref name="limit"/>.</summary>
    private static async Task<TimeSpan> SettleAsync(TimeSpan limit)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(5));
        while (started.Elapsed < limit)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            await Task.Delay(TimeSpan.FromSeconds(1));
            process.Refresh();
            if (process.TotalProcessorTime - before < TimeSpan.FromMilliseconds(50))
            {
                break;
            }
        }

        return started.Elapsed;
    }

    /// <summary>Where a GraphQL feed page's time goes: the same page without authors, and the grain calls alone.</summary>
    private static async Task BreakdownAsync(HubHost hub, BenchOptions options, Report report, HttpClient client)
    {
        var noAuthors = GraphQLClient.Body(Query.Replace(" author{ name }", "", StringComparison.Ordinal), new { slug = "feed-small", after = (string?)null });
        await Load.RunAsync(Connections, options.WarmUp, (_, _) => client.PostGraphQLAsync(noAuthors));
        report.Add("Breakdown: same feed page without author{ name }, over GraphQL", await Load.RunAsync(Connections, options.Measure, (_, _) => client.PostGraphQLAsync(noAuthors)));

        var query = new FeedQuery(null, 20, null, FeedAudience.Public);
        async Task Grains(int worker, long n)
        {
            var page = await hub.Grains.GetNetwork("feed-small").GetFeedAsync(Access.Caller.Anonymous, query);
            await Task.WhenAll(page.Items.Select(a => a.AuthorId).Distinct().Select(id => hub.Grains.GetOrganisation(id).GetProfileAsync()));
        }

        await Load.RunAsync(Connections, options.WarmUp, Grains);
        report.Add("Breakdown: the page's grain calls alone (feed + distinct authors), in-process", await Load.RunAsync(Connections, options.Measure, Grains));
        report.Add("Breakdown: the feed grain call alone, in-process", await Load.RunAsync(Connections, options.Measure, (_, _) => hub.Grains.GetNetwork("feed-small").GetFeedAsync(Access.Caller.Anonymous, query)));
    }

    private static void Compare(Report report, BenchOptions options, string page, Summary small, Summary large)
    {
        var slower = small.PerSecond / large.PerSecond;
        var p50 = large.P50Ms / small.P50Ms;
        report.Check(
            $"{Label(options.DeepCount)} {page} within 1.5× of 1k",
            $"throughput {slower:0.00}× lower, p50 {p50:0.00}× higher",
            slower <= 1.5 && p50 <= 1.5);
    }

    private static string Label(int count) => count >= 1_000_000 ? $"{count / 1_000_000}M" : $"{count / 1000}k";

    private static byte[] Request(string slug, long? position) =>
        GraphQLClient.Body(Query, new { slug, after = position is { } p ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"feed:{p}")) : null });
}
