using Orleans.Core.Internal;
using Orleans.Storage;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Grains.Tests.Common;

namespace OurSociety.Federation.Grains.Tests.Feeds;

/// <summary>
/// A feed whose write fails or whose activation is lost around a seal, then posted to again and retried with the same
/// client request ids: every acknowledged post stays, once, at the position it was given.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FeedFailureTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly Given _given = new(fixture.Grains);

    [Fact]
    public async Task A_feed_lost_after_a_seal_landed_keeps_every_acknowledged_post_once()
    {
        var (network, member) = await _given.MemberAsync();
        var acknowledged = await PostManyAsync(network.Slug, member.Id, FeedGrain.SegmentSize - 1);
        FeedSegmentFaults.FailNextSealsAfterApplied(GrainKeys.Segment(network.Slug, 0));

        // The post that fills the first segment; the segment stores its seal and the feed never hears back.
        var x = await TryPostAsync(network.Slug, member.Id, "X");

        // The feed's silo goes away before anything else happens: the next activation reads what storage holds.
        await _grains.GetFeed(network.Slug).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var y = await PostUntilAcknowledgedAsync(network.Slug, member.Id, "Y");
        var xAgain = await PostUntilAcknowledgedAsync(network.Slug, member.Id, "X");
        var z = await PostUntilAcknowledgedAsync(network.Slug, member.Id, "Z");

        if (x is not null)
        {
            Assert.Equal(x.Id, xAgain.Id);
        }

        acknowledged.AddRange([y, xAgain, z]);
        await AssertFeedHoldsAsync(network.Slug, acknowledged);
    }

    [Fact]
    public async Task A_feed_write_that_fails_while_sealing_keeps_every_acknowledged_post_once()
    {
        var (network, member) = await _given.MemberAsync();
        var acknowledged = await PostManyAsync(network.Slug, member.Id, FeedGrain.SegmentSize - 1);
        StorageFaults.FailNextWrites(_grains.GetFeed(network.Slug).GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => _given.PostAsync(network.Slug, member.Id, Given.Post("X", requestId: "X")));
        var y = await PostUntilAcknowledgedAsync(network.Slug, member.Id, "Y");
        var x = await PostUntilAcknowledgedAsync(network.Slug, member.Id, "X");
        var z = await PostUntilAcknowledgedAsync(network.Slug, member.Id, "Z");

        acknowledged.AddRange([y, x, z]);
        await AssertFeedHoldsAsync(network.Slug, acknowledged);
    }

    [Fact]
    public async Task A_write_that_failed_leaves_the_activation_taking_no_more_writes_until_it_has_reloaded()
    {
        var (network, member) = await _given.MemberAsync();
        var first = await _given.PostAsync(network.Slug, member.Id, Given.Post("First", requestId: "first"));
        StorageFaults.FailNextWrites(_grains.GetFeed(network.Slug).GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => _given.PostAsync(network.Slug, member.Id, Given.Post("Lost", requestId: "lost")));
        var again = await PostUntilAcknowledgedAsync(network.Slug, member.Id, "Lost");

        Assert.Equal(1, again.Seq);
        await AssertFeedHoldsAsync(network.Slug, [first, again]);
    }

    [Fact]
    public async Task A_segment_keeps_the_seal_of_the_newest_feed_write_and_ignores_an_older_one()
    {
        var (network, member) = await _given.MemberAsync();
        var items = await PostManyAsync(network.Slug, member.Id, FeedGrain.SegmentSize);
        var segment = _grains.GetFeedSegment($"segment-test-{Guid.NewGuid():N}", 0);
        var relabelled = items.Select((a, i) => i == 0 ? a with { Labels = ["newer"] } : a).ToArray();

        await segment.SealAsync(items, 5);
        await segment.SealAsync(relabelled, 7);
        await segment.SealAsync(items, 6);

        Assert.Equal(["newer"], (await segment.GetItemsAsync())[0].Labels);
        Assert.Equal(items.Select(a => a.Id), (await segment.GetItemsAsync()).Select(a => a.Id));
    }

    private async Task<List<Activity>> PostManyAsync(string slug, string organisationId, int count)
    {
        var posted = new List<Activity>();
        for (var i = 0; i < count; i++)
        {
            posted.Add(await _given.PostAsync(slug, organisationId, Given.Post($"Post {i}", requestId: $"post-{i}")));
        }

        return posted;
    }

    private async Task<Activity?> TryPostAsync(string slug, string organisationId, string title)
    {
        try
        {
            return await _given.PostAsync(slug, organisationId, Given.Post(title, requestId: title));
        }
        catch (Exception e) when (e is TimeoutException or InconsistentStateException or StorageUnavailableException)
        {
            return null;
        }
    }

    /// <summary>Posts with the title as client request id, again after each failure a client is told to retry, as a client would.</summary>
    private async Task<Activity> PostUntilAcknowledgedAsync(string slug, string organisationId, string title)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await _given.PostAsync(slug, organisationId, Given.Post(title, requestId: title));
            }
            catch (Exception e) when (attempt < 50 && e is TimeoutException or InconsistentStateException or StorageUnavailableException)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>The feed, read newest first through every page and read again after a fresh activation, is exactly these posts, each once at its position.</summary>
    private async Task AssertFeedHoldsAsync(string slug, IReadOnlyList<Activity> acknowledged)
    {
        var expected = acknowledged.OrderBy(a => a.Seq).Select(a => (a.Seq, a.Id, a.Title)).ToArray();
        Assert.Equal(expected.Length, expected.Select(e => e.Seq).Distinct().Count());
        Assert.Equal(expected, await ReadAllAsync(slug));

        await _grains.GetFeed(slug).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(expected, await ReadAllAsync(slug));
    }

    private async Task<(long Seq, string Id, string Title)[]> ReadAllAsync(string slug)
    {
        var seen = new List<Activity>();
        long? before = null;
        do
        {
            var page = await _grains.GetFeed(slug).GetPageAsync(new FeedQuery(before, 100, null, FeedAudience.Member));
            seen.AddRange(page.Items);
            before = page.Next;
        }
        while (before is not null);

        return [.. seen.OrderBy(a => a.Seq).Select(a => (a.Seq, a.Id, a.Title))];
    }
}
