using Orleans.Core.Internal;
using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.National;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Grains.Tests.National;

/// <summary>
/// National counts over the delta path, on a cluster of their own: the national view is hub-wide, so each test moves
/// the clock to a week of its own and reads only that week.
/// </summary>
[Collection(NationalClusterCollection.Name)]
public sealed class NationalStatisticsTests(ClusterFixture fixture)
{
    private static readonly string[] _regions = ["North East", "North West", "London", "Wales"];

    private static readonly Caller _nationalViewer = new("stats@ons.example", HubRoles.NationalViewer, []);

    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly Given _given = new(fixture.Grains);

    [Fact]
    public async Task Seeded_activity_is_counted_exactly_small_counts_are_suppressed_and_no_suppressed_count_follows_from_the_totals()
    {
        var week = NextWeek();
        var north = await NetworkWithMemberAsync("North East");
        var west = await NetworkWithMemberAsync("North West");
        var london = await NetworkWithMemberAsync("London");
        await _grains.GetNetwork(north.Slug).SetNationalStatisticsAsync(await _given.CoordinatorAsync(north.Slug), optIn: true);

        await PostManyAsync(north, 7, ActivityKind.Story, Visibility.Public);
        await PostManyAsync(north, 2, ActivityKind.Offer, Visibility.Public);
        await PostManyAsync(north, 3, ActivityKind.Want, Visibility.Network);
        await PostManyAsync(west, 6, ActivityKind.Story, Visibility.Public);
        await PostManyAsync(west, 1, ActivityKind.Event, Visibility.Public);
        await PostManyAsync(west, 4, ActivityKind.Want, Visibility.Linked);
        await PostManyAsync(london, 5, ActivityKind.Offer, Visibility.Public);
        await FlushAsync(north, west, london);

        // Anyone: public activity only. EVENT (1) is suppressed, and OFFER with it, so neither follows from the total.
        var byKind = await ReportAsync(Caller.Anonymous, week, NationalDimension.Kind);
        Assert.Equal((NationalScope.Public, 5), (byKind.Scope, byKind.SuppressionThreshold));
        Assert.Equal([(ActivityKind.Story, 13L), (ActivityKind.Offer, null), (ActivityKind.Event, null)], byKind.Cells.Select(c => (c.Kind!.Value, c.Count)));
        Assert.Equal([false, true, true], byKind.Cells.Select(c => c.Suppressed));
        Assert.Equal(21L, Assert.Single(byKind.Totals).Count);

        // National viewers: also the opted-in network's members-only wants (3, suppressed, and OFFER with it, since the
        // region tables would give it away); never the other network's four.
        var consented = await ReportAsync(_nationalViewer, week, NationalDimension.Kind);
        Assert.Equal(NationalScope.Consented, consented.Scope);
        Assert.Equal([(ActivityKind.Story, 13L), (ActivityKind.Want, null), (ActivityKind.Offer, null), (ActivityKind.Event, null)], consented.Cells.Select(c => (c.Kind!.Value, c.Count)));
        Assert.Equal(24L, Assert.Single(consented.Totals).Count);

        // By region and kind: the two small cells, and what would give them away through the region and kind totals.
        var byRegionKind = await ReportAsync(Caller.Anonymous, week, NationalDimension.Region | NationalDimension.Kind);
        Assert.Equal(
            [("London", ActivityKind.Offer, 5L, false), ("North East", ActivityKind.Story, null, true), ("North East", ActivityKind.Offer, null, true),
             ("North West", ActivityKind.Story, null, true), ("North West", ActivityKind.Event, null, true)],
            byRegionKind.Cells.Select(c => (c.Region!, c.Kind!.Value, c.Count, c.Suppressed)));

        foreach (var scope in new[] { Caller.Anonymous, _nationalViewer })
        {
            foreach (var grouping in new[] { NationalDimension.Region | NationalDimension.Kind, NationalDimension.Network | NationalDimension.Kind })
            {
                Assert.Empty(SuppressionAudit.Recoverable(await PublishedAsync(scope, week, grouping)));
            }
        }
    }

    [Fact]
    public async Task A_week_total_large_enough_to_publish_is_suppressed_when_it_would_give_away_a_suppressed_kind_and_published_when_it_would_not()
    {
        // All of a week in one region, three networks: 3 offers; 8 wants; 9 stories and 7 offers (27 in all). The
        // network of 3 is small, so the network of 8 wants is hidden beside it, and WANT with it. With one region, the
        // region's line is the week itself, so a published 27 would give the wants away: 27 − 10 offers − 9 stories = 8.
        var week = NextWeek();
        var small = await NetworkWithMemberAsync("East Midlands");
        var wants = await NetworkWithMemberAsync("East Midlands");
        var mixed = await NetworkWithMemberAsync("East Midlands");
        await PostManyAsync(small, 3, ActivityKind.Offer, Visibility.Public);
        await PostManyAsync(wants, 8, ActivityKind.Want, Visibility.Public);
        await PostManyAsync(mixed, 9, ActivityKind.Story, Visibility.Public);
        await PostManyAsync(mixed, 7, ActivityKind.Offer, Visibility.Public);
        await FlushAsync(small, wants, mixed);

        var byKind = await ReportAsync(Caller.Anonymous, week, NationalDimension.Kind);
        Assert.Equal([(ActivityKind.Story, 9L, false), (ActivityKind.Want, null, true), (ActivityKind.Offer, 10L, false)], byKind.Cells.Select(c => (c.Kind!.Value, c.Count, c.Suppressed)));
        var total = Assert.Single(byKind.Totals);
        Assert.Equal((null, true), (total.Count, total.Suppressed));
        var region = Assert.Single((await ReportAsync(Caller.Anonymous, week, NationalDimension.Region)).Cells);
        Assert.Equal((null, true), (region.Count, region.Suppressed));
        Assert.Empty(SuppressionAudit.Recoverable(await PublishedAsync(Caller.Anonymous, week, Suppression.Additive)));

        // The next week, again all in one region: 10 stories and 2 events, both kinds hidden. The total (12) gives
        // neither away, so it is published, and so is the region's.
        var next = NextWeek();
        var one = await NetworkWithMemberAsync("East Midlands");
        await PostManyAsync(one, 10, ActivityKind.Story, Visibility.Public);
        await PostManyAsync(one, 2, ActivityKind.Event, Visibility.Public);
        await FlushAsync(one);

        var nextByKind = await ReportAsync(Caller.Anonymous, next, NationalDimension.Kind);
        Assert.Equal([(ActivityKind.Story, null, true), (ActivityKind.Event, null, true)], nextByKind.Cells.Select(c => (c.Kind!.Value, c.Count, c.Suppressed)));
        Assert.Equal((12L, false), (Assert.Single(nextByKind.Totals).Count, Assert.Single(nextByKind.Totals).Suppressed));
        Assert.Equal(12L, Assert.Single((await ReportAsync(Caller.Anonymous, next, NationalDimension.Region)).Cells).Count);
    }

    [Fact]
    public void Suppression_never_leaves_a_count_that_the_other_cells_and_totals_of_its_rows_and_columns_give_away()
    {
        var random = new Random(20261203);
        for (var run = 0; run < 300; run++)
        {
            var cells = new Dictionary<CellKey, long>();
            foreach (var region in _regions.Take(random.Next(1, 5)))
            {
                foreach (var kind in Enum.GetValues<ActivityKind>().Take(random.Next(1, 6)))
                {
                    if (random.Next(4) > 0)
                    {
                        cells[new CellKey(region, null, kind, null)] = random.Next(1, 12);
                    }
                }
            }

            var grouping = NationalDimension.Region | NationalDimension.Kind;
            var tables = WeekTables.Subsets(grouping).ToDictionary(
                s => s,
                s => cells.GroupBy(c => Project(c.Key, s)).ToDictionary(g => g.Key, g => g.Sum(c => c.Value)));
            var week = new WeekTables(grouping, tables, OurSociety.Federation.Introductions.IntroductionCounts.None, 0);
            var hidden = Suppression.Suppress(week, 5);
            var published = WeekTables.Subsets(grouping).ToDictionary(s => s, s => tables[s].ToDictionary(c => c.Key, c => (c.Value, hidden[s].Contains(c.Key))));

            Assert.All(published.Values.SelectMany(t => t.Values), c => Assert.True(c.Value is 0 or >= 5 || c.Item2));
            var recoverable = SuppressionAudit.Recoverable(published);
            Assert.True(recoverable.Count == 0, string.Join("\n", published.SelectMany(t => t.Value.Select(c => $"{t.Key} {c.Key.Region} {c.Key.Kind} {c.Value}"))));
        }

        static CellKey Project(CellKey key, NationalDimension s) =>
            new(s.HasFlag(NationalDimension.Region) ? key.Region : null, null, s.HasFlag(NationalDimension.Kind) ? key.Kind : null, null);
    }

    [Fact]
    public async Task A_network_that_has_not_opted_in_never_has_its_non_public_activity_counted_and_opting_out_withdraws_what_its_opt_in_counted()
    {
        var week = NextWeek();
        var network = await NetworkWithMemberAsync("Wales");
        var coordinator = await _given.CoordinatorAsync(network.Slug);
        await PostManyAsync(network, 6, ActivityKind.Story, Visibility.Network);
        await FlushAsync(network);
        Assert.Empty((await ReportAsync(_nationalViewer, week, NationalDimension.Network)).Cells);

        // Opting in counts what is posted from then on, not what was posted before.
        var profile = await _grains.GetNetwork(network.Slug).SetNationalStatisticsAsync(coordinator, optIn: true);
        Assert.True(profile.NationalStatistics);
        await PostManyAsync(network, 5, ActivityKind.Story, Visibility.Network);
        await PostManyAsync(network, 6, ActivityKind.Story, Visibility.Public);
        await FlushAsync(network);
        Assert.Equal([(network.Slug, 11L)], Counts(await ReportAsync(_nationalViewer, week, NationalDimension.Network)));
        Assert.Equal([(network.Slug, 6L)], Counts(await ReportAsync(Caller.Anonymous, week, NationalDimension.Network)));

        // Opting out withdraws the five before it returns; public activity stays counted, for everyone.
        Assert.False((await _grains.GetNetwork(network.Slug).SetNationalStatisticsAsync(coordinator, optIn: false)).NationalStatistics);
        Assert.Equal([(network.Slug, 6L)], Counts(await ReportAsync(_nationalViewer, week, NationalDimension.Network)));
        await PostManyAsync(network, 5, ActivityKind.Story, Visibility.Linked);
        await FlushAsync(network);
        Assert.Equal([(network.Slug, 6L)], Counts(await ReportAsync(_nationalViewer, week, NationalDimension.Network)));

        // Only coordinators decide, and each decision is in the audit trail.
        var member = await _given.PersonAsync(network.Member);
        Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<HubException>(() => _grains.GetNetwork(network.Slug).SetNationalStatisticsAsync(member, true))).Code);
        var trail = (await _grains.GetNetwork(network.Slug).GetAuditTrailAsync(coordinator, null, 10))!.Items;
        Assert.Equal(
            ["opted out of national statistics", "opted in to national statistics"],
            trail.Where(e => e.Action == AuditAction.NationalStatisticsChanged).Select(e => e.Detail));
    }

    [Fact]
    public async Task A_batch_that_arrives_again_counts_once_and_a_late_batch_of_a_withdrawn_opt_in_counts_nothing()
    {
        var week = NationalWeeks.Of(NextWeek());
        var slug = Given.UniqueSlug();
        var counts = new ActivityCounts();
        foreach (var _ in Enumerable.Range(0, 6))
        {
            counts.Add(new Activity("a", 0, slug, "org_x", ActivityKind.Offer, "t", "b", ["food"], [], null, Visibility.Network, fixture.Time.GetUtcNow()));
        }

        var grain = _grains.GetNationalWeek(week, slug);
        var first = new NationalBatch(slug, "Scotland", Seq: 1, UpTo: 6, new ActivityCounts(), Epoch: 1, counts, null, 0);
        await grain.ApplyAsync(first);
        await grain.ApplyAsync(first);
        Assert.Equal(6, (await grain.GetTablesAsync(NationalScope.Consented, NationalDimension.Network)).Tables[NationalDimension.Network][new CellKey(null, slug, null, null)]);

        await grain.WithdrawAsync(slug, epoch: 1);
        await grain.ApplyAsync(first with { Seq = 2 });
        Assert.Empty((await grain.GetTablesAsync(NationalScope.Consented, NationalDimension.Network)).Tables[NationalDimension.Network]);
    }

    [Fact]
    public async Task The_introductions_funnel_is_published_for_a_range_only_when_no_week_in_it_holds_a_small_count_so_overlapping_ranges_cannot_be_differenced()
    {
        var starts = new[] { NextWeek(), NextWeek(), NextWeek() }.Select(NationalWeeks.StartOf).ToArray();
        var slug = Given.UniqueSlug();
        int[] requested = [12, 2, 7];
        for (var w = 0; w < starts.Length; w++)
        {
            var introductions = new OurSociety.Federation.Introductions.IntroductionCounts(requested[w], 0, 0, 0, 0, 0);
            await _grains.GetNationalWeek(NationalWeeks.Of(starts[w]), slug)
                .ApplyAsync(new NationalBatch(slug, "Scotland", Seq: 1, UpTo: 0, new ActivityCounts(), Epoch: 1, null, introductions, 0));
        }

        async Task<long?> RequestedAsync(int first, int last) =>
            (await _grains.GetGrain<INationalQueryGrain>("national").GetReportAsync(_nationalViewer, new NationalQuery(starts[first], starts[last].AddDays(7), NationalDimension.None))).Introductions.Requested;

        // Every range that holds the week of 2 publishes nothing; the others publish their sums, so the difference of
        // any two published ranges is a sum of weeks that are each published alone.
        Assert.Equal([12L, null, 7L], [await RequestedAsync(0, 0), await RequestedAsync(1, 1), await RequestedAsync(2, 2)]);
        Assert.Equal([null, null, null], [await RequestedAsync(0, 1), await RequestedAsync(1, 2), await RequestedAsync(0, 2)]);
    }

    [Fact]
    public async Task A_newcomer_is_counted_once_in_the_week_of_its_first_counted_activity_and_each_join_of_a_network_counts()
    {
        var week = NextWeek();
        var london = await _given.NetworkAsync(region: "London");
        var wales = await _given.NetworkAsync(region: "Wales");
        var organisations = new List<string>();
        foreach (var _ in Enumerable.Range(0, 6))
        {
            var organisation = await _given.OrganisationAsync();
            await _given.JoinAsync(organisation.Id, london.Slug);
            await _given.JoinAsync(organisation.Id, wales.Slug);
            organisations.Add(organisation.Id);
        }

        // Members-only posts of a network that has not opted in are not counted, so they make no one a newcomer.
        await Task.WhenAll(organisations.Select(o => _given.PostAsync(london.Slug, o, Post("Members only", ActivityKind.Story, Visibility.Network))));
        await Task.WhenAll(_grains.GetNetworkStatistics(london.Slug).FlushAsync(), _grains.GetNetworkStatistics(wales.Slug).FlushAsync());
        var before = await ReportAsync(Caller.Anonymous, week, NationalDimension.None);
        Assert.Equal((0L, 12L), (Assert.Single(before.Newcomers).Count, Assert.Single(before.MembersJoined).Count));

        // Public posts in both networks: each organisation is a newcomer once, whichever network counted it first.
        await Task.WhenAll(organisations.Select(o => _given.PostAsync(london.Slug, o, Post("Open day", ActivityKind.Event, Visibility.Public))));
        await Task.WhenAll(organisations.Select(o => _given.PostAsync(wales.Slug, o, Post("Open day", ActivityKind.Event, Visibility.Public))));
        await Task.WhenAll(_grains.GetNetworkStatistics(london.Slug).FlushAsync(), _grains.GetNetworkStatistics(wales.Slug).FlushAsync());
        var after = await ReportAsync(_nationalViewer, week, NationalDimension.None);
        Assert.Equal((6L, 12L), (Assert.Single(after.Newcomers).Count, Assert.Single(after.MembersJoined).Count));

        // Fewer than the threshold is suppressed like any total.
        var one = await _given.OrganisationAsync();
        await _given.JoinAsync(one.Id, london.Slug);
        await _given.PostAsync(london.Slug, one.Id, Post("Hello", ActivityKind.Story, Visibility.Public));
        var next = NextWeek();
        var another = await _given.OrganisationAsync();
        await _given.JoinAsync(another.Id, london.Slug);
        await _given.PostAsync(london.Slug, another.Id, Post("Hello", ActivityKind.Story, Visibility.Public));
        await _grains.GetNetworkStatistics(london.Slug).FlushAsync();
        var small = await ReportAsync(Caller.Anonymous, next, NationalDimension.None);
        Assert.Equal((null, true), (Assert.Single(small.Newcomers).Count, Assert.Single(small.Newcomers).Suppressed));
        Assert.Equal((null, true), (Assert.Single(small.MembersJoined).Count, Assert.Single(small.MembersJoined).Suppressed));
    }

    [Fact]
    public async Task Many_posts_at_once_are_each_counted_exactly_once()
    {
        var week = NextWeek();
        var network = await NetworkWithMemberAsync("Scotland");
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => _given.PostAsync(network.Slug, network.Member, Post($"Story {i}", ActivityKind.Story, Visibility.Public))));
        await FlushAsync(network);
        Assert.Equal([(network.Slug, 300L)], Counts(await ReportAsync(Caller.Anonymous, week, NationalDimension.Network)));
    }

    [Fact]
    public async Task Posts_are_counted_exactly_once_when_feed_pokes_are_lost_and_when_the_statistics_stop_after_sending_a_batch_before_recording_it()
    {
        var week = NextWeek();
        var network = await NetworkWithMemberAsync("Wales");
        async Task PostOneByOneAsync(int count, ActivityKind kind)
        {
            // One at a time, so each post is its own group commit and its own poke.
            for (var i = 0; i < count; i++)
            {
                await _given.PostAsync(network.Slug, network.Member, Post($"{kind} {i}", kind, Visibility.Public));
            }
        }

        async Task<(ActivityKind?, long?)[]> CountedAsync() =>
            [.. (await ReportAsync(Caller.Anonymous, week, NationalDimension.Kind)).Cells.Select(c => (c.Kind, c.Count))];

        await PostOneByOneAsync(10, ActivityKind.Story);
        await FlushAsync(network);
        Assert.Equal([(ActivityKind.Story, 10L)], await CountedAsync());

        // The pokes of five offers lost between events and wants: the offers are read back from the feed, the rest counted from
        // the pokes, each at its own position.
        await PostOneByOneAsync(5, ActivityKind.Event);
        StatisticsPokeFaults.DropNextFeedPokes(network.Slug, 5);
        await PostOneByOneAsync(5, ActivityKind.Offer);
        Assert.Equal(0, await Eventually.EqualAsync(0, () => Task.FromResult(StatisticsPokeFaults.Left(network.Slug))));
        await PostOneByOneAsync(6, ActivityKind.Want);
        await FlushAsync(network);
        Assert.Equal([(ActivityKind.Story, 10L), (ActivityKind.Want, 6L), (ActivityKind.Offer, 5L), (ActivityKind.Event, 5L)], await CountedAsync());

        // A round sends on its own (no flush, so its sending is not yet recorded); then the statistics stop. They come
        // back with that batch still planned, count it again from the feed, send it again, and the week ignores it.
        await PostOneByOneAsync(8, ActivityKind.Story);
        await Eventually.EqualAsync(18L, async () => (await CountedAsync()).First().Item2 ?? 0);
        await _grains.GetNetworkStatistics(network.Slug).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await PostOneByOneAsync(7, ActivityKind.Want);
        await FlushAsync(network);
        Assert.Equal([(ActivityKind.Story, 18L), (ActivityKind.Want, 13L), (ActivityKind.Offer, 5L), (ActivityKind.Event, 5L)], await CountedAsync());
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_or_covers_more_than_five_years_is_refused_with_a_code()
    {
        var national = _grains.GetGrain<INationalQueryGrain>("national");
        var now = fixture.Time.GetUtcNow();
        var backwards = await Assert.ThrowsAsync<HubException>(() => national.GetReportAsync(Caller.Anonymous, new NationalQuery(now, now.AddDays(-1), NationalDimension.None)));
        var tooLong = await Assert.ThrowsAsync<HubException>(() => national.GetReportAsync(Caller.Anonymous, new NationalQuery(now.AddYears(-6), now, NationalDimension.None)));
        Assert.Equal((ErrorCodes.RangeInvalid, ErrorCodes.RangeTooLong), (backwards.Code, tooLong.Code));
        Assert.Equal(261, (await national.GetReportAsync(Caller.Anonymous, new NationalQuery(now.AddDays(-260 * 7), now, NationalDimension.None))).Weeks.Count);
    }

    private DateTimeOffset NextWeek()
    {
        fixture.Time.Advance(TimeSpan.FromDays(7));
        return fixture.Time.GetUtcNow();
    }

    private async Task<(string Slug, string Member)> NetworkWithMemberAsync(string region)
    {
        var network = await _given.NetworkAsync(region: region);
        var member = await _given.OrganisationAsync();
        await _given.JoinAsync(member.Id, network.Slug);
        return (network.Slug, member.Id);
    }

    private Task PostManyAsync((string Slug, string Member) network, int count, ActivityKind kind, Visibility visibility) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => _given.PostAsync(network.Slug, network.Member, Post($"{kind} {i}", kind, visibility))));

    private Task FlushAsync(params (string Slug, string Member)[] networks) =>
        Task.WhenAll(networks.Select(n => _grains.GetNetworkStatistics(n.Slug).FlushAsync()));

    private Task<NationalReport> ReportAsync(Caller caller, DateTimeOffset at, NationalDimension groupBy)
    {
        var start = NationalWeeks.StartOf(at);
        return _grains.GetGrain<INationalQueryGrain>("national").GetReportAsync(caller, new NationalQuery(start, start.AddDays(7), groupBy));
    }

    /// <summary>Every table an outsider could ask for on the way to <paramref name="grouping"/>, as published.</summary>
    private async Task<Dictionary<NationalDimension, Dictionary<CellKey, (long Value, bool Suppressed)>>> PublishedAsync(Caller caller, DateTimeOffset at, NationalDimension grouping)
    {
        var tables = new Dictionary<NationalDimension, Dictionary<CellKey, (long, bool)>>();
        foreach (var subset in WeekTables.Subsets(grouping))
        {
            var report = await ReportAsync(caller, at, subset);
            var cells = subset == NationalDimension.None ? report.Totals : report.Cells;
            tables[subset] = cells.ToDictionary(c => new CellKey(c.Region, c.Network, c.Kind, c.Theme), c => (c.Count ?? -1, c.Suppressed));
        }

        return tables;
    }

    private static (string, long?)[] Counts(NationalReport report) => [.. report.Cells.Select(c => (c.Network!, c.Count))];

    private static PostActivity Post(string title, ActivityKind kind, Visibility visibility) =>
        new(kind, title, "What we did.", ["food"], [], null, visibility, null);
}

[CollectionDefinition(Name)]
public sealed class NationalClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "national statistics";
}
