using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Grains.Tests.Feeds;

[Collection(ClusterCollection.Name)]
public sealed class FeedTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly Given _given = new(fixture.Grains);

    [Fact]
    public async Task A_member_posts_and_the_activity_records_author_network_and_a_time_ordered_id()
    {
        var (network, member) = await _given.MemberAsync();

        var first = await _given.PostAsync(network.Slug, member.Id, Given.Post("First"));
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await _given.PostAsync(network.Slug, member.Id, Given.Post("Second"));

        Assert.Equal((member.Id, network.Slug, 0L), (first.AuthorId, first.OriginNetwork, first.Seq));
        Assert.True(string.CompareOrdinal(first.Id, second.Id) < 0, "ids sort by time");
        Assert.Equal(fixture.Time.GetUtcNow(), second.PostedAt);
    }

    [Fact]
    public async Task All_seven_kinds_can_be_posted_and_read_back_newest_first()
    {
        var (network, member) = await _given.MemberAsync();
        foreach (var kind in Enum.GetValues<ActivityKind>())
        {
            await _given.PostAsync(network.Slug, member.Id, Given.Post(kind.ToString(), kind: kind));
        }

        var page = await _grains.GetNetwork(network.Slug).GetFeedAsync(await _given.PersonAsync(member.Id), new FeedQuery(null, 20, null, FeedAudience.Member));

        Assert.Equal(Enum.GetValues<ActivityKind>().Reverse(), page.Items.Select(a => a.Kind));
        Assert.Equal(7, page.TotalCount);
    }

    [Fact]
    public async Task A_non_member_cannot_post_and_nothing_is_added()
    {
        var network = await _given.NetworkAsync();
        var outsider = await _given.OrganisationAsync();

        var error = await Assert.ThrowsAsync<HubException>(() =>
            _given.PostAsync(network.Slug, outsider.Id, Given.Post()));

        Assert.Equal(ErrorCodes.NotAMember, error.Code);
        Assert.Empty((await FeedAsync(network.Slug, FeedAudience.Member)).Items);
    }

    [Theory]
    [InlineData(201, 10, 0, ErrorCodes.TooLong, "title")]
    [InlineData(0, 10, 0, ErrorCodes.Required, "title")]
    [InlineData(10, 20_001, 0, ErrorCodes.TooLong, "body")]
    [InlineData(10, 10, 21, ErrorCodes.TooMany, "themes")]
    public async Task Bad_posts_get_coded_errors_and_nothing_is_added(int titleLength, int bodyLength, int themeCount, string code, string field)
    {
        var (network, member) = await _given.MemberAsync();
        var post = new PostActivity(
            ActivityKind.Offer, new string('t', titleLength), new string('b', bodyLength),
            Enumerable.Range(0, themeCount).Select(i => $"t{i}").ToArray(), null, null, Visibility.Public, null);

        var error = await Assert.ThrowsAsync<HubException>(() => _given.PostAsync(network.Slug, member.Id, post));

        Assert.Equal((code, field), (error.Code, error.Field.Single()));
        Assert.Empty((await FeedAsync(network.Slug, FeedAudience.Member)).Items);
    }

    [Fact]
    public async Task A_place_off_the_map_is_refused()
    {
        var (network, member) = await _given.MemberAsync();
        var post = Given.Post() with { Place = new Place("Nowhere", 12, 181, null) };

        var error = await Assert.ThrowsAsync<HubException>(() => _given.PostAsync(network.Slug, member.Id, post));

        Assert.Equal(ErrorCodes.PlaceInvalid, error.Code);
    }

    [Fact]
    public async Task A_post_retried_with_the_same_client_request_id_appears_once()
    {
        var (network, member) = await _given.MemberAsync();
        var post = Given.Post(requestId: "7d8e0c52-retry");

        var first = await _given.PostAsync(network.Slug, member.Id, post);
        var retried = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _given.PostAsync(network.Slug, member.Id, post)));

        Assert.All(retried, r => Assert.Equal((first.Id, first.Seq), (r.Id, r.Seq)));
        Assert.Single((await FeedAsync(network.Slug, FeedAudience.Member)).Items);
    }

    [Fact]
    public async Task Reusing_a_client_request_id_for_a_different_post_is_refused()
    {
        var (network, member) = await _given.MemberAsync();
        await _given.PostAsync(network.Slug, member.Id, Given.Post("One", requestId: "same"));

        var error = await Assert.ThrowsAsync<HubException>(() =>
            _given.PostAsync(network.Slug, member.Id, Given.Post("Two", requestId: "same")));

        Assert.Equal(ErrorCodes.RequestIdReused, error.Code);
    }

    [Fact]
    public async Task The_public_sees_public_items_only_while_members_see_everything()
    {
        var (network, member) = await _given.MemberAsync();
        var self = await _given.PersonAsync(member.Id);
        await _grains.GetNetwork(network.Slug).PostAsync(self, member.Id, Given.Post("Members only", Visibility.Network));
        await _grains.GetNetwork(network.Slug).PostAsync(self, member.Id, Given.Post("Linked", Visibility.Linked));
        var open = await _grains.GetNetwork(network.Slug).PostAsync(self, member.Id, Given.Post("For everyone", Visibility.Public));
        var outsider = await _given.OrganisationAsync();

        var publicPage = await _grains.GetNetwork(network.Slug).GetFeedAsync(Caller.Anonymous, new FeedQuery(null, 20, null, FeedAudience.Member));
        var outsiderPage = await _grains.GetNetwork(network.Slug).GetFeedAsync(await _given.PersonAsync(outsider.Id), new FeedQuery(null, 20, null, FeedAudience.Member));
        var memberPage = await _grains.GetNetwork(network.Slug).GetFeedAsync(self, new FeedQuery(null, 20, null, FeedAudience.Public));

        Assert.Equal(["For everyone"], publicPage.Items.Select(a => a.Title));
        Assert.Equal(1, publicPage.TotalCount);
        Assert.Equal(["For everyone"], outsiderPage.Items.Select(a => a.Title));
        Assert.Equal(3, memberPage.Items.Count);
        Assert.Null(await _grains.GetNetwork(network.Slug).GetActivityAsync(Caller.Anonymous, 0));
        Assert.Equal(open.Id, (await _grains.GetNetwork(network.Slug).GetActivityAsync(Caller.Anonymous, open.Seq))?.Id);
    }

    [Fact]
    public async Task Paging_through_a_feed_across_sealed_segments_yields_every_item_once_newest_first()
    {
        var (network, member) = await _given.MemberAsync();
        const int Count = (FeedGrain.SegmentSize * 3) + 5;
        await PostManyAsync(network.Slug, member.Id, Count);

        var seen = await ReadAllAsync(network.Slug, pageSize: 7);

        Assert.Equal(Enumerable.Range(0, Count).Reverse().Select(i => (long)i), seen.Select(a => a.Seq));
    }

    [Fact]
    public async Task Paging_while_others_post_has_no_duplicates_and_no_gaps_among_older_items()
    {
        var (network, member) = await _given.MemberAsync();
        await PostManyAsync(network.Slug, member.Id, 100);

        var reading = ReadAllAsync(network.Slug, pageSize: 9, between: () => PostManyAsync(network.Slug, member.Id, 3));
        var seen = await reading;

        var older = seen.Where(a => a.Seq < 100).Select(a => a.Seq).ToArray();
        Assert.Equal(Enumerable.Range(0, 100).Reverse().Select(i => (long)i), older);
        Assert.Equal(seen.Count, seen.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task Concurrent_posts_are_all_acknowledged_with_distinct_positions()
    {
        var (network, member) = await _given.MemberAsync();

        var posted = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            _given.PostAsync(network.Slug, member.Id, Given.Post($"Post {i}"))));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), posted.Select(p => p.Seq).Order());
        Assert.Equal(200, (await ReadAllAsync(network.Slug, 100)).Count);
    }

    [Fact]
    public async Task The_feed_grain_keeps_only_the_unsealed_tail_in_its_own_state()
    {
        var (network, member) = await _given.MemberAsync();
        await PostManyAsync(network.Slug, member.Id, (FeedGrain.SegmentSize * 5) + 3);

        var storage = fixture.Cluster.Silos[0].ServiceProvider!.GetRequiredKeyedService<IGrainStorage>(HubStorage.Name);
        var state = new GrainState<FeedState>(new FeedState());
        await storage.ReadStateAsync("feed", _grains.GetFeed(network.Slug).GetGrainId(), state);

        Assert.Equal(5, state.State!.SealedSegments);
        Assert.Equal(3, state.State.Tail.Count);
    }

    [Fact]
    public async Task A_kind_filter_returns_only_that_kind_and_keeps_paging()
    {
        var (network, member) = await _given.MemberAsync();
        var self = await _given.PersonAsync(member.Id);
        for (var i = 0; i < 30; i++)
        {
            await _grains.GetNetwork(network.Slug).PostAsync(self, member.Id, Given.Post($"Item {i}", kind: i % 3 == 0 ? ActivityKind.Want : ActivityKind.Story));
        }

        var page = await _grains.GetNetwork(network.Slug).GetFeedAsync(self, new FeedQuery(null, 4, [ActivityKind.Want], FeedAudience.Member));
        var next = await _grains.GetNetwork(network.Slug).GetFeedAsync(self, new FeedQuery(page.Next, 10, [ActivityKind.Want], FeedAudience.Member));

        Assert.Equal(["Item 27", "Item 24", "Item 21", "Item 18"], page.Items.Select(a => a.Title));
        Assert.Equal(["Item 15", "Item 12", "Item 9", "Item 6", "Item 3", "Item 0"], next.Items.Select(a => a.Title));
        Assert.Null(next.Next);
    }

    private Task<FeedPage> FeedAsync(string slug, FeedAudience audience) =>
        _grains.GetFeed(slug).GetPageAsync(new FeedQuery(null, 100, null, audience));

    private async Task PostManyAsync(string slug, string organisationId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _given.PostAsync(slug, organisationId, Given.Post($"Post {i}"));
        }
    }

    private async Task<List<Activity>> ReadAllAsync(string slug, int pageSize, Func<Task>? between = null)
    {
        var seen = new List<Activity>();
        long? before = null;
        do
        {
            var page = await _grains.GetFeed(slug).GetPageAsync(new FeedQuery(before, pageSize, null, FeedAudience.Member));
            seen.AddRange(page.Items);
            before = page.Next;
            if (between is not null)
            {
                await between();
            }
        }
        while (before is not null);

        return seen;
    }
}
