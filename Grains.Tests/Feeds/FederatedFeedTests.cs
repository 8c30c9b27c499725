using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Networks.Links;

namespace OurSociety.Federation.Grains.Tests.Feeds;

[Collection(ClusterCollection.Name)]
public sealed class FederatedFeedTests(ClusterFixture fixture)
{
    private static readonly ActivityKind[] _kinds = [ActivityKind.Story, ActivityKind.Offer, ActivityKind.Event];

    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly Given _given = new(fixture.Grains);

    [Fact]
    public async Task Each_network_sees_its_own_items_and_exactly_what_its_active_links_share_before_and_after_suspend_and_end()
    {
        // A is linked to B sharing offers and stories, and to C sharing events; D is linked to nobody.
        var world = await WorldAsync();
        var (a, b, c, d) = (world[0], world[1], world[2], world[3]);
        await LinkAsync(a, b, [ActivityKind.Offer, ActivityKind.Story]);
        await LinkAsync(a, c, [ActivityKind.Event]);

        string[] All(Net n) => Items(n, _kinds, [Visibility.Network, Visibility.Linked, Visibility.Public]);
        string[] Shared(Net n, params ActivityKind[] kinds) => Items(n, kinds, [Visibility.Linked, Visibility.Public]);
        string[] Public(Net n, params ActivityKind[] kinds) => Items(n, kinds, [Visibility.Public]);

        await AssertFeedAsync(a, [.. All(a), .. Shared(b, ActivityKind.Offer, ActivityKind.Story), .. Shared(c, ActivityKind.Event)]);
        await AssertFeedAsync(b, [.. All(b), .. Shared(a, ActivityKind.Offer, ActivityKind.Story)]);
        await AssertFeedAsync(c, [.. All(c), .. Shared(a, ActivityKind.Event)]);
        await AssertFeedAsync(d, All(d));
        await AssertFeedAsync(a, [.. Public(a, _kinds), .. Public(b, ActivityKind.Offer, ActivityKind.Story), .. Public(c, ActivityKind.Event)], Caller.Anonymous);
        await AssertFeedAsync(a, [.. Public(a, _kinds), .. Public(b, ActivityKind.Offer, ActivityKind.Story), .. Public(c, ActivityKind.Event)], d.Person);

        // B suspends: at once, nothing flows either way between A and B; A still gets C's events.
        await _grains.GetNetwork(b.Slug).SuspendLinkAsync(b.Coordinator, a.Slug);
        await AssertFeedAsync(b, All(b));
        await AssertFeedAsync(a, [.. All(a), .. Shared(c, ActivityKind.Event)]);

        // B resumes; then C ends its link: A sees B's share again and nothing of C's.
        await _grains.GetNetwork(b.Slug).ResumeLinkAsync(b.Coordinator, a.Slug);
        await _grains.GetNetwork(c.Slug).EndLinkAsync(c.Coordinator, a.Slug);
        await AssertFeedAsync(c, All(c));
        await AssertFeedAsync(a, [.. All(a), .. Shared(b, ActivityKind.Offer, ActivityKind.Story)]);
    }

    [Fact]
    public async Task A_network_that_shares_fewer_kinds_stops_sharing_them_at_once_and_the_other_side_hears_of_it()
    {
        var world = await WorldAsync(networks: 2);
        var (a, b) = (world[0], world[1]);
        await LinkAsync(a, b, [ActivityKind.Offer, ActivityKind.Story]);

        var changed = await _grains.GetNetwork(b.Slug).SetLinkSharingAsync(b.Coordinator, a.Slug, [ActivityKind.Offer]);

        Assert.Equal([ActivityKind.Offer], changed.Shares);
        string[] All(Net n) => Items(n, _kinds, [Visibility.Network, Visibility.Linked, Visibility.Public]);
        await AssertFeedAsync(a, [.. All(a), .. Items(b, [ActivityKind.Offer], [Visibility.Linked, Visibility.Public])]);
        await Eventually.EqualAsync("Offer", async () => string.Join(",", (await _grains.GetNetwork(a.Slug).GetLinksAsync(a.Coordinator, null)).Single().PeerShares));
    }

    [Fact]
    public async Task A_linked_item_reaches_node_readers_only_through_an_active_link_that_shares_its_kind()
    {
        var world = await WorldAsync();
        var (a, b, d) = (world[0], world[1], world[3]);
        await LinkAsync(a, b, [ActivityKind.Offer]);
        var linkedOffer = b.Posted[(ActivityKind.Offer, Visibility.Linked)];
        var linkedStory = b.Posted[(ActivityKind.Story, Visibility.Linked)];

        Assert.NotNull(await _grains.GetNetwork(b.Slug).GetActivityAsync(a.Person, linkedOffer.Seq));
        Assert.Null(await _grains.GetNetwork(b.Slug).GetActivityAsync(a.Person, linkedStory.Seq));
        Assert.Null(await _grains.GetNetwork(b.Slug).GetActivityAsync(d.Person, linkedOffer.Seq));
        Assert.Null(await _grains.GetNetwork(b.Slug).GetActivityAsync(Caller.Anonymous, linkedOffer.Seq));

        await _grains.GetNetwork(a.Slug).SuspendLinkAsync(a.Coordinator, b.Slug);

        Assert.Null(await _grains.GetNetwork(b.Slug).GetActivityAsync(a.Person, linkedOffer.Seq));
    }

    [Fact]
    public async Task Paging_the_whole_federated_feed_while_items_keep_arriving_gives_no_duplicates_and_no_gaps()
    {
        var world = await WorldAsync(networks: 3);
        await LinkAsync(world[0], world[1], _kinds);
        await LinkAsync(world[0], world[2], _kinds);
        for (var i = 0; i < 40; i++)
        {
            var n = world[i % 3];
            fixture.Time.Advance(TimeSpan.FromMilliseconds(7 * (i % 5)));
            await _given.PostAsync(n.Slug, n.Member, Given.Post($"{n.Slug}-extra-{i}", Visibility.Public, _kinds[i % 3]));
        }

        var before = (await ReadAllAsync(world[0], 100)).Select(a => a.Id).ToArray();
        using var stop = new CancellationTokenSource();
        var posting = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var n = world[i % 3];
                await _given.PostAsync(n.Slug, n.Member, Given.Post($"late-{i}", Visibility.Public, _kinds[i % 3]));
            }
        });

        var paged = await ReadAllAsync(world[0], 7);
        await stop.CancelAsync();
        await posting;

        var ids = paged.Select(a => a.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Empty(before.Except(ids));
        Assert.True(paged.Zip(paged.Skip(1)).All(p => p.First.PostedAt >= p.Second.PostedAt), "newest first");
    }

    [Fact]
    public async Task Filters_by_kind_theme_label_place_and_time_apply_to_linked_items_too()
    {
        var world = await WorldAsync(networks: 2);
        var (a, b) = (world[0], world[1]);
        await LinkAsync(a, b, _kinds);
        var since = fixture.Time.GetUtcNow();
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var leeds = new Place("Leeds", 53.8008, -1.5491, null);
        var york = new Place("York", 53.9590, -1.0815, null);
        var inLeeds = await _given.PostAsync(b.Slug, b.Member, new PostActivity(ActivityKind.Want, "Vans", "", ["transport"], ["winter-appeal"], leeds, Visibility.Linked, null));
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var inYork = await _given.PostAsync(a.Slug, a.Member, new PostActivity(ActivityKind.Want, "Drivers", "", ["transport"], [], york, Visibility.Network, null));
        await LinkAsync(a, b, [ActivityKind.Want], relink: true);

        async Task<string[]> TitlesAsync(FeedQuery filter) =>
            [.. (await _grains.GetNetwork(a.Slug).GetFederatedFeedAsync(a.Person, new FederatedQuery(filter, FederatedPosition.Start))).Items.Select(i => i.Activity.Title)];

        var all = new FeedQuery(null, 50, null, FeedAudience.Public);
        Assert.Equal(["Drivers", "Vans"], await TitlesAsync(all with { Kinds = [ActivityKind.Want] }));
        Assert.Equal(["Drivers", "Vans"], await TitlesAsync(all with { Themes = ["transport"] }));
        Assert.Equal(["Vans"], await TitlesAsync(all with { Labels = ["winter-appeal"] }));
        Assert.Equal(["Vans"], await TitlesAsync(all with { Near = GeoCircle.Checked(53.80, -1.55, 5, "near") }));
        Assert.Equal(["Drivers", "Vans"], await TitlesAsync(all with { Near = GeoCircle.Checked(53.80, -1.55, 50, "near") }));
        Assert.Equal(["Drivers", "Vans"], await TitlesAsync(all with { Since = since }));
        Assert.Equal([inYork.Id, inLeeds.Id], (await _grains.GetNetwork(a.Slug).GetFederatedFeedAsync(a.Person, new FederatedQuery(all with { Since = since }, FederatedPosition.Start))).Items.Select(i => i.Activity.Id));
    }

    [Theory]
    [InlineData(0, 0, -1, ErrorCodes.RadiusInvalid)]
    [InlineData(0, 0, 0, ErrorCodes.RadiusInvalid)]
    [InlineData(0, 0, 1_000_000, ErrorCodes.RadiusInvalid)]
    [InlineData(91, 0, 5, ErrorCodes.PlaceInvalid)]
    [InlineData(0, 181, 5, ErrorCodes.PlaceInvalid)]
    public void A_near_filter_with_a_bad_point_or_radius_is_refused(double lat, double lon, double radiusKm, string code) =>
        Assert.Equal(code, Assert.Throws<HubException>(() => GeoCircle.Checked(lat, lon, radiusKm, "near")).Code);

    [Fact]
    public void Two_linked_networks_whose_slugs_hash_alike_still_get_their_own_cursor_positions()
    {
        // Find two slugs with the same 32-bit key (a birthday search: some tens of thousands of tries).
        var seen = new Dictionary<uint, string>();
        var (first, second) = (string.Empty, string.Empty);
        for (var i = 0; first.Length == 0; i++)
        {
            var slug = $"network-{i}";
            if (!seen.TryAdd(FederatedPosition.KeyOf(slug), slug))
            {
                (first, second) = (seen[FederatedPosition.KeyOf(slug)], slug);
            }
        }

        var keys = FederatedPosition.KeysOf([second, first, "another-network"]);

        Assert.Equal(3, keys.Values.Distinct().Count());
        Assert.Equal(keys, FederatedPosition.KeysOf([first, "another-network", second]));
    }

    private async Task<IReadOnlyList<Activity>> ReadAllAsync(Net network, int pageSize)
    {
        var items = new List<Activity>();
        var after = FederatedPosition.Start;
        for (var pages = 0; pages < 200; pages++)
        {
            var page = await _grains.GetNetwork(network.Slug).GetFederatedFeedAsync(
                network.Person, new FederatedQuery(new FeedQuery(null, pageSize, null, FeedAudience.Public), after));
            items.AddRange(page.Items.Select(i => i.Activity));
            if (!page.HasMore)
            {
                return items;
            }

            after = page.End;
        }

        throw new InvalidOperationException("The feed did not end within 200 pages.");
    }

    private async Task AssertFeedAsync(Net network, string[] expected, Caller? reader = null)
    {
        var page = await _grains.GetNetwork(network.Slug).GetFederatedFeedAsync(
            reader ?? network.Person, new FederatedQuery(new FeedQuery(null, 100, null, FeedAudience.Public), FederatedPosition.Start));
        Assert.Equal(expected.Order(StringComparer.Ordinal), page.Items.Select(i => i.Activity.Title).Order(StringComparer.Ordinal));
        Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.Activity.PostedAt >= p.Second.Activity.PostedAt), "newest first");
    }

    private async Task LinkAsync(Net a, Net b, ActivityKind[] kinds, bool relink = false)
    {
        if (relink)
        {
            await _grains.GetNetwork(a.Slug).EndLinkAsync(a.Coordinator, b.Slug);
            await Eventually.EqualAsync(LinkState.Ended, () => StateAsync(b, a));
        }

        await _grains.GetNetwork(a.Slug).ProposeLinkAsync(a.Coordinator, b.Slug, kinds);
        await Eventually.EqualAsync(LinkState.Proposed, () => StateAsync(b, a));
        await _grains.GetNetwork(b.Slug).AcceptLinkAsync(b.Coordinator, a.Slug, kinds);
        await Eventually.EqualAsync(LinkState.Active, () => StateAsync(a, b));
    }

    private async Task<LinkState?> StateAsync(Net network, Net peer) =>
        (await _grains.GetNetwork(network.Slug).GetLinksAsync(network.Coordinator, null)).SingleOrDefault(l => l.Peer == peer.Slug)?.State;

    /// <summary>Networks, each with a member that posted one story, offer and event at each visibility.</summary>
    private async Task<Net[]> WorldAsync(int networks = 4)
    {
        var world = new List<Net>();
        for (var i = 0; i < networks; i++)
        {
            var (network, member) = await _given.MemberAsync();
            var posted = new Dictionary<(ActivityKind, Visibility), Activity>();
            foreach (var kind in _kinds)
            {
                foreach (var visibility in Enum.GetValues<Visibility>())
                {
                    fixture.Time.Advance(TimeSpan.FromSeconds(1));
                    posted[(kind, visibility)] = await _given.PostAsync(network.Slug, member.Id, Given.Post(Title(network.Slug, kind, visibility), visibility, kind));
                }
            }

            world.Add(new Net(network.Slug, member.Id, await _given.PersonAsync(member.Id), await _given.CoordinatorAsync(network.Slug), posted));
        }

        return [.. world];
    }

    private static string Title(string slug, ActivityKind kind, Visibility visibility) => $"{slug}/{kind}/{visibility}";

    private static string[] Items(Net network, ActivityKind[] kinds, Visibility[] visibilities) =>
        [.. kinds.SelectMany(k => visibilities.Select(v => Title(network.Slug, k, v)))];

    private sealed record Net(string Slug, string Member, Caller Person, Caller Coordinator, Dictionary<(ActivityKind, Visibility), Activity> Posted);
}
