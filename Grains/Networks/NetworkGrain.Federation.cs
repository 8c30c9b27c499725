using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks.Links;

namespace OurSociety.Federation.Networks;

/// <summary>The federated feed: the network's own items merged with what its linked networks share with it, and their live updates.</summary>
public sealed partial class NetworkGrain
{
    /// <summary>How many linked feeds one page reads at once.</summary>
    public const int MaxFanout = 16;

    public async Task<FederatedPage> GetFederatedFeedAsync(Caller caller, FederatedQuery query)
    {
        _ = Profile;
        var filter = query.Filter;
        var first = Input.PageSize(filter.First, 100, "first");
        var after = query.After;
        var audience = AudienceOf(caller);

        // Only links this side holds active, and only kinds the other side says it shares (its feed checks its own say again).
        var sources = new List<Source> { new(null, 0, filter with { Before = after.Own, Audience = audience }) };
        var active = Links.Values.Where(l => l.State == LinkState.Active).ToArray();
        var keys = FederatedPosition.KeysOf(active.Select(l => l.Peer));
        foreach (var link in active)
        {
            var kinds = filter.Kinds is { Count: > 0 } asked ? link.Theirs.Shares.Where(asked.Contains).ToArray() : [.. link.Theirs.Shares];
            var key = keys[link.Peer];
            long? before = after.Peers.TryGetValue(key, out var position) ? position : null;
            if (kinds.Length == 0 || before == 0)
            {
                continue;
            }

            var peerAudience = audience == FeedAudience.Member ? FeedAudience.Linked : FeedAudience.Public;
            sources.Add(new Source(link.Peer, key, filter with
            {
                Before = before,
                Kinds = kinds,
                Audience = peerAudience,
                PostedBefore = before is null && after.Boundary is { } boundary ? boundary : filter.PostedBefore,
            }));
        }

        var pages = await Fanout.RunAsync(sources, MaxFanout, ReadSourceAsync);
        return Merge(sources, pages, after, first);
    }

    private async Task<FeedPage?> ReadSourceAsync(Source source)
    {
        if (source.Peer is null)
        {
            return await GrainFactory.GetFeed(Slug).GetPageAsync(source.Query);
        }

        try
        {
            return await GrainFactory.GetFeed(source.Peer).GetSharedPageAsync(Slug, source.Query);
        }
        catch (Exception e) when (e is not HubException)
        {
            // One unreachable network does not take the page down; its position stays, so nothing of it is skipped.
            HubLog.SharedFeedUnavailable(_logger, e, Slug, source.Peer);
            return null;
        }
    }

    /// <summary>
    /// Merges the sources' pages newest first, always taking the newest head, so each source gives up a prefix of what
    /// it returned and its position moves exactly past what was taken. A source that stopped scanning early (its filter
    /// skipped much) holds the merge back from anything older than where it stopped, so no item is passed over.
    /// </summary>
    private static FederatedPage Merge(List<Source> sources, FeedPage?[] pages, FederatedPosition after, int first)
    {
        var heads = new int[sources.Count];
        var own = after.Own;
        var peers = new Dictionary<uint, long>(after.Peers);
        var boundary = after.Boundary;
        var items = new List<FederatedItem>(first);
        while (items.Count < first)
        {
            var best = -1;
            for (var i = 0; i < sources.Count; i++)
            {
                if (pages[i] is { } page && heads[i] < page.Items.Count
                    && (best < 0 || Newer(page.Items[heads[i]], pages[best]!.Items[heads[best]])))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            var activity = pages[best]!.Items[heads[best]];
            if (HeldBack(sources, pages, heads, activity.PostedAt))
            {
                break;
            }

            heads[best]++;
            Move(sources[best], activity.Seq, ref own, peers);
            boundary = activity.PostedAt;
            items.Add(new FederatedItem(activity, sources[best].Peer is null ? null : sources[best].Key));
        }

        var hasMore = false;
        for (var i = 0; i < sources.Count; i++)
        {
            if (pages[i] is not { } page)
            {
                hasMore = true;
                continue;
            }

            if (heads[i] < page.Items.Count)
            {
                hasMore = true;
                continue;
            }

            // Everything it returned was taken: go on from where it stopped looking (0: nothing older).
            Move(sources[i], page.Next ?? 0, ref own, peers);
            hasMore |= page.Next is not null;
        }

        return new FederatedPage(items, new FederatedPosition(boundary, own, peers), hasMore);
    }

    private static bool Newer(Activity a, Activity b) =>
        a.PostedAt != b.PostedAt ? a.PostedAt > b.PostedAt : string.CompareOrdinal(a.Id, b.Id) > 0;

    /// <summary>Whether a source that has given all it returned, but stopped looking early, may still hold items newer than <paramref name="postedAt"/>.</summary>
    private static bool HeldBack(List<Source> sources, FeedPage?[] pages, int[] heads, DateTimeOffset postedAt)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (pages[i] is { Next: not null, NextPostedAt: { } stoppedAt } page && heads[i] == page.Items.Count && stoppedAt > postedAt)
            {
                return true;
            }
        }

        return false;
    }

    private static void Move(Source source, long position, ref long? own, Dictionary<uint, long> peers)
    {
        if (source.Peer is null)
        {
            own = position;
        }
        else
        {
            peers[source.Key] = position;
        }
    }

    /// <summary>Tells the live feeds: this network's own, and each linked network this one shares the item with.</summary>
    private void Publish(Activity activity)
    {
        GrainFactory.GetLiveFeed(Slug).PublishAsync(activity, linked: false).Ignore();
        if (activity.Visibility == Visibility.Network)
        {
            return;
        }

        foreach (var link in Links.Values)
        {
            if (link.WeShare(activity.Kind))
            {
                GrainFactory.GetNetwork(link.Peer).ReceiveSharedAsync(Slug, activity).Ignore();
            }
        }
    }

    public Task ReceiveSharedAsync(string peer, Activity activity)
    {
        // This side's say too: a link it has suspended or ended, or a kind it no longer takes, stops here.
        if (Links.TryGetValue(peer, out var link) && link.TheyShare(activity.Kind) && activity.OriginNetwork == peer)
        {
            GrainFactory.GetLiveFeed(Slug).PublishAsync(activity, linked: true).Ignore();
            if (activity.Kind == ActivityKind.Offer)
            {
                // This network's members see it now, so its wants may be met by it.
                GrainFactory.GetMatches(Slug).OfferPostedAsync(activity).Ignore();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether a linked item of this network reaches <paramref name="caller"/> through a network it belongs to.</summary>
    private async Task<bool> ReachesThroughLinkAsync(Caller caller, Activity activity)
    {
        if (caller.IsAnonymous || activity.Visibility != Visibility.Linked)
        {
            return false;
        }

        var peers = Links.Values.Where(l => l.WeShare(activity.Kind)).Select(l => l.Peer).ToArray();
        var answers = await Fanout.RunAsync(peers, MaxFanout, p => GrainFactory.GetNetwork(p).ReceivesFromAsync(caller, Slug, activity.Kind));
        return answers.Any(a => a);
    }

    /// <summary>One feed a federated page reads: the network's own (<see cref="Peer"/> null) or a linked network's.</summary>
    private sealed record Source(string? Peer, uint Key, FeedQuery Query);
}
