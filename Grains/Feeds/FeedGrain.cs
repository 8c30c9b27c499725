using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using OurSociety.Federation.Common;
using OurSociety.Federation.National;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Feeds;

/// <inheritdoc cref="IFeedGrain"/>
/// <remarks>
/// Reentrant, so concurrent posts share one storage write (<see cref="CoalescingWriter"/>). New items wait in
/// <see cref="_pending"/> until a write moves them into the state, so the serializer never sees a list that is
/// changing; readers see only items whose write has completed (<see cref="_durableCount"/>). Full segments are sealed
/// only from items already written, at the start of the next write, so a segment never holds an item the feed did not
/// write. After a write fails, the in-memory state is ahead of storage: the activation takes no more writes and is
/// deactivated, and the next activation reads what storage holds.
/// </remarks>
[Reentrant]
public sealed class FeedGrain(
    [PersistentState("feed", HubStorage.Name)] IPersistentState<FeedState> state,
    HubIds ids,
    TimeProvider time,
    ILogger<FeedGrain> logger) : Grain, IFeedGrain
{
    /// <summary>Items per sealed segment: a page of 20 touches at most two segments.</summary>
    public const int SegmentSize = 32;

    /// <summary>How many recent client request ids a feed remembers for retries.</summary>
    public const int RequestWindow = 512;

    /// <summary>How many items one page request may scan for a filter before it returns what it found.</summary>
    public const int MaxScan = 20 * SegmentSize;

    private const int CachedSegments = 8;

    private readonly List<Activity> _pending = [];
    private readonly List<RecentRequest> _pendingRequests = [];
    private readonly Dictionary<long, (IReadOnlyList<Activity> Items, long LastUsed)> _segmentCache = [];
    private long _reads;
    private CoalescingWriter? _writer;
    private long _durableCount;
    private long _pendingPublic;
    private (long Version, Dictionary<string, ActivityKind[]> Sharing)? _pendingSharing;
    private readonly Dictionary<long, IReadOnlyList<string>> _pendingLabels = [];
    private bool _writeFailed;

    private string Slug => GrainKeys.SlugOf(this.GetPrimaryKeyString());

    private long StoredCount => (state.State.SealedSegments * SegmentSize) + state.State.Tail.Count;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _durableCount = StoredCount;
        _writer = new CoalescingWriter(PersistAsync);
        if (_durableCount > 0)
        {
            // After a restart the statistics may have items left to send: they count from durable positions.
            GrainFactory.GetNetworkStatistics(Slug).PokeAsync(null).Ignore();
        }

        return Task.CompletedTask;
    }

    public async Task<Activity> AppendAsync(ActivityDraft draft)
    {
        var requestHash = draft.ClientRequestId is { } rid ? HashRequest(draft.AuthorId, rid) : (long?)null;
        if (requestHash is { } hash && FindRequest(hash) is { } seenSeq)
        {
            await WaitUntilDurableAsync(seenSeq);
            var first = await GetAsync(seenSeq) ?? throw new InvalidOperationException($"Feed {Slug} lost position {seenSeq}.");
            return draft.Matches(first)
                ? first
                : throw new HubException(ErrorCodes.RequestIdReused, "This client request id was already used for a different post.", "clientRequestId");
        }

        RequireWritable();
        var now = time.GetUtcNow();
        var activity = new Activity(
            ids.NewActivityId(now),
            StoredCount + _pending.Count,
            Slug,
            draft.AuthorId,
            draft.Kind,
            draft.Title,
            draft.Body,
            draft.Themes,
            draft.Labels,
            draft.Place,
            draft.Visibility,
            now);
        _pending.Add(activity);
        _pendingPublic += activity.Visibility == Visibility.Public ? 1 : 0;
        if (requestHash is { } h)
        {
            _pendingRequests.Add(new RecentRequest(h, activity.Seq));
        }

        await _writer!.WriteAsync();
        return activity;
    }

    public Task<FeedPage> GetPageAsync(FeedQuery query) => ScanAsync(query, query.Kinds is { Count: > 0 } k ? k : null);

    public Task<FeedPage> GetSharedPageAsync(string network, FeedQuery query)
    {
        // This network's own say: what it shares with that network right now. The asking network has checked its side.
        if (!state.State.Sharing.TryGetValue(network, out var shared) || shared.Length == 0)
        {
            return Task.FromResult(FeedPage.Empty);
        }

        var kinds = query.Kinds is { Count: > 0 } asked ? shared.Where(asked.Contains).ToArray() : shared;
        var audience = query.Audience == FeedAudience.Public ? FeedAudience.Public : FeedAudience.Linked;
        return kinds.Length == 0
            ? Task.FromResult(FeedPage.Empty)
            : ScanAsync(query with { Audience = audience }, kinds, withTotal: false);
    }

    public Task SetSharingAsync(long version, Dictionary<string, ActivityKind[]> sharing)
    {
        var current = _pendingSharing?.Sharing ?? state.State.Sharing;
        if (version <= Math.Max(state.State.SharingVersion, _pendingSharing?.Version ?? 0) || SameSharing(current, sharing))
        {
            // Older, or the same rules again (a network repeats them when it activates): nothing to write.
            return Task.CompletedTask;
        }

        RequireWritable();
        _pendingSharing = (version, new Dictionary<string, ActivityKind[]>(sharing, StringComparer.Ordinal));
        return _writer!.WriteAsync();
    }

    public async Task<Activity> RelabelAsync(long seq, IReadOnlyList<string> labels)
    {
        if (seq < 0 || seq >= _durableCount)
        {
            throw new HubException(ErrorCodes.ActivityNotFound, "There is no such activity.", "activityId");
        }

        RequireWritable();
        _pendingLabels[seq] = labels;
        await _writer!.WriteAsync();
        return await ReadAsync(seq);
    }

    public Task<bool> SharesAsync(string network, ActivityKind kind) =>
        Task.FromResult(state.State.Sharing.TryGetValue(network, out var shared) && shared.Contains(kind));

    private async Task<FeedPage> ScanAsync(FeedQuery query, IReadOnlyList<ActivityKind>? kinds, bool withTotal = true)
    {
        var first = Input.PageSize(query.First, 100, "first");
        var seq = Math.Min(query.Before ?? long.MaxValue, _durableCount) - 1;
        var stopAt = Math.Max(-1, seq - MaxScan);
        var items = new List<Activity>(first);
        var reachedSince = false;
        Activity? last = null;
        while (seq > stopAt && items.Count < first)
        {
            var activity = await ReadAsync(seq);
            if (query.Since is { } since && activity.PostedAt < since)
            {
                reachedSince = true;
                break;
            }

            last = activity;
            seq--;
            if (query.Audience.CanSee(activity) && (kinds is null || kinds.Contains(activity.Kind)) && query.MatchesContent(activity))
            {
                items.Add(activity);
            }
        }

        // seq is now the newest position not yet looked at: the next page starts just above it.
        var next = seq >= 0 && !reachedSince ? seq + 1 : (long?)null;
        long? total = !withTotal || kinds is not null || query.HasContentFilter ? null
            : query.Audience == FeedAudience.Member ? _durableCount
            : query.Audience == FeedAudience.Public ? state.State.PublicCount
            : null;
        return new FeedPage(items, next, total) { NextPostedAt = next is null ? null : last?.PostedAt };
    }

    public Task<long> GetCountAsync() => Task.FromResult(_durableCount);

    public async Task<IReadOnlyList<Activity>> GetRangeAsync(long from, int count)
    {
        var end = Math.Min(_durableCount, from + Math.Clamp(count, 0, 4096));
        var items = new List<Activity>((int)Math.Max(0, end - from));
        for (var seq = Math.Max(0, from); seq < end;)
        {
            // Read again each time round: a write may seal segments (and shorten the tail) while a segment is read.
            var tailStart = state.State.SealedSegments * SegmentSize;
            if (seq >= tailStart)
            {
                items.Add(state.State.Tail[(int)(seq - tailStart)]);
                seq++;
                continue;
            }

            var index = seq / SegmentSize;
            var segment = _segmentCache.TryGetValue(index, out var cached) ? cached.Items : await GrainFactory.GetFeedSegment(Slug, index).GetItemsAsync();
            for (var i = (int)(seq % SegmentSize); i < segment.Count && seq < end; i++, seq++)
            {
                items.Add(segment[i]);
            }
        }

        return items;
    }

    public async Task<Activity?> GetAsync(long seq) => seq >= 0 && seq < _durableCount ? await ReadAsync(seq) : null;

    private async ValueTask<Activity> ReadAsync(long seq)
    {
        var tailStart = state.State.SealedSegments * SegmentSize;
        if (seq >= tailStart)
        {
            return state.State.Tail[(int)(seq - tailStart)];
        }

        var index = seq / SegmentSize;
        IReadOnlyList<Activity> segment;
        if (_segmentCache.TryGetValue(index, out var cached))
        {
            segment = cached.Items;
            _segmentCache[index] = (segment, ++_reads);
        }
        else
        {
            segment = await GrainFactory.GetFeedSegment(Slug, index).GetItemsAsync();
            Cache(index, segment);
        }

        return segment[(int)(seq % SegmentSize)];
    }

    private void Cache(long index, IReadOnlyList<Activity> segment)
    {
        // Keep the few segments read most recently (the newest ones serve first pages); the rest stay in their own grains.
        _segmentCache[index] = (segment, ++_reads);
        if (_segmentCache.Count > CachedSegments)
        {
            _segmentCache.Remove(_segmentCache.MinBy(e => e.Value.LastUsed).Key);
        }
    }

    private long? FindRequest(long hash)
    {
        foreach (var r in _pendingRequests)
        {
            if (r.Hash == hash)
            {
                return r.Seq;
            }
        }

        foreach (var r in state.State.RecentRequests)
        {
            if (r.Hash == hash)
            {
                return r.Seq;
            }
        }

        return null;
    }

    private async Task WaitUntilDurableAsync(long seq)
    {
        if (seq >= _durableCount)
        {
            await _writer!.WriteAsync();
        }
    }

    /// <summary>
    /// One group commit: seals the full segments of what is already written, then writes the tail with everything
    /// waiting. Each caller waiting on it is acknowledged only once this write has succeeded.
    /// </summary>
    private async Task PersistAsync()
    {
        RequireWritable();
        await SealWrittenAsync();

        var s = state.State;
        var written = _pending.Count > 0 ? new FeedWritten([.. _pending]) : null;
        s.Tail.AddRange(_pending);
        s.PublicCount += _pendingPublic;
        s.RecentRequests.AddRange(_pendingRequests);
        if (s.RecentRequests.Count > RequestWindow)
        {
            s.RecentRequests.RemoveRange(0, s.RecentRequests.Count - RequestWindow);
        }

        if (_pendingSharing is { } sharing)
        {
            s.SharingVersion = sharing.Version;
            s.Sharing = sharing.Sharing;
            _pendingSharing = null;
        }

        _pending.Clear();
        _pendingRequests.Clear();
        _pendingPublic = 0;
        await RelabelPendingAsync();

        var count = StoredCount;
        s.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            // Storage may or may not hold this write (an ETag conflict with another activation, or an outcome unknown):
            // this copy is no longer known to match it, so nothing more is written or sealed from it.
            _writeFailed = true;
            HubLog.FeedWriteFailed(logger, e, this.GetPrimaryKeyString());
            DeactivateOnIdle();
            throw;
        }

        var grew = count > _durableCount;
        _durableCount = count;
        if (grew)
        {
            // One way, once per group commit, with what it wrote: posting never waits on national statistics.
            GrainFactory.GetNetworkStatistics(Slug).PokeAsync(written).Ignore();
        }
    }

    /// <summary>
    /// Seals every full segment at the front of the tail into its segment grain (each its own row, all at once), then
    /// drops them from the tail; this write then records that. The tail holds only written items here, so a segment
    /// gets exactly what the feed wrote at those positions, and a seal repeated after a crash before this write lands is
    /// harmless. If a seal fails, the items stay in the tail (still durable there) and a later write seals them.
    /// </summary>
    private async Task SealWrittenAsync()
    {
        var s = state.State;
        var full = s.Tail.Count / SegmentSize;
        if (full == 0)
        {
            return;
        }

        var segments = Enumerable.Range(0, full)
            .Select(i => (Index: s.SealedSegments + i, Items: s.Tail.GetRange(i * SegmentSize, SegmentSize).ToArray()))
            .ToArray();
        try
        {
            await Task.WhenAll(segments.Select(g => GrainFactory.GetFeedSegment(Slug, g.Index).SealAsync(g.Items, s.Version)));
        }
        catch (Exception e)
        {
            HubLog.SealDeferred(logger, e, this.GetPrimaryKeyString(), s.SealedSegments);
            return;
        }

        s.Tail.RemoveRange(0, full * SegmentSize);
        s.SealedSegments += full;
        foreach (var (index, items) in segments)
        {
            Cache(index, items);
        }
    }

    private void RequireWritable()
    {
        if (_writeFailed)
        {
            throw new InconsistentStateException($"Feed {Slug} is reloading after a write that failed; retry the same request.");
        }
    }

    /// <summary>Applies waiting label changes: in the tail (saved with this write) or in their sealed segment (saved there first).</summary>
    private async Task RelabelPendingAsync()
    {
        var tailStart = state.State.SealedSegments * SegmentSize;
        foreach (var (seq, labels) in _pendingLabels.ToArray())
        {
            if (seq >= tailStart)
            {
                var i = (int)(seq - tailStart);
                state.State.Tail[i] = state.State.Tail[i] with { Labels = labels };
            }
            else
            {
                Cache(seq / SegmentSize, await GrainFactory.GetFeedSegment(Slug, seq / SegmentSize).RelabelAsync((int)(seq % SegmentSize), labels));
            }

            _pendingLabels.Remove(seq);
        }
    }

    private static bool SameSharing(Dictionary<string, ActivityKind[]> current, Dictionary<string, ActivityKind[]> next) =>
        current.Count == next.Count && next.All(e => current.TryGetValue(e.Key, out var kinds) && kinds.SequenceEqual(e.Value));

    private static long HashRequest(string authorId, string clientRequestId)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(authorId + "\n" + clientRequestId), digest);
        return BitConverter.ToInt64(digest);
    }
}
