namespace OurSociety.Federation.Feeds;

/// <summary>
/// A network's feed (key: <c>net:{slug}</c>). It keeps only the newest, unsealed items in its own state and
/// seals every <see cref="FeedGrain.SegmentSize"/> items into an immutable <see cref="IFeedSegmentGrain"/>,
/// so no write or read touches more than a bounded amount of state however long the feed grows.
/// Only <see cref="Networks.INetworkGrain"/> appends, after it has checked who is posting.
/// </summary>
[Alias("IFeedGrain")]
public interface IFeedGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends <paramref name="draft"/> and returns the stored activity once it is durable. A draft with a client
    /// request id the feed has recently seen from the same author returns the first activity instead of a second one.
    /// </summary>
    [Alias("AppendAsync")]
    Task<Activity> AppendAsync(ActivityDraft draft);

    /// <summary>A page of durable items, newest first.</summary>
    [AlwaysInterleave]
    [Alias("GetPageAsync")]
    Task<FeedPage> GetPageAsync(FeedQuery query);

    /// <summary>
    /// A page for the members of linked network <paramref name="network"/>: only kinds this network shares with it now
    /// (<see cref="SetSharingAsync"/>), only linked and public items, never a total.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetSharedPageAsync")]
    Task<FeedPage> GetSharedPageAsync(string network, FeedQuery query);

    /// <summary>Whether this network shares <paramref name="kind"/> with <paramref name="network"/> now.</summary>
    [AlwaysInterleave]
    [Alias("SharesAsync")]
    Task<bool> SharesAsync(string network, ActivityKind kind);

    /// <summary>
    /// Records what the network shares with each actively linked network (durably, before returning). A version no
    /// newer than the one held changes nothing. Only the network's own grain calls it.
    /// </summary>
    [Alias("SetSharingAsync")]
    Task SetSharingAsync(long version, Dictionary<string, ActivityKind[]> sharing);

    /// <summary>Sets the labels of the activity at <paramref name="seq"/> durably; the network grain has checked who asks.</summary>
    [Alias("RelabelAsync")]
    Task<Activity> RelabelAsync(long seq, IReadOnlyList<string> labels);

    /// <summary>The activity at <paramref name="seq"/>, or null if there is none yet.</summary>
    [AlwaysInterleave]
    [Alias("GetAsync")]
    Task<Activity?> GetAsync(long seq);

    /// <summary>How many items are durable: positions below it exist.</summary>
    [AlwaysInterleave]
    [Alias("GetCountAsync")]
    Task<long> GetCountAsync();

    /// <summary>
    /// Up to <paramref name="count"/> durable items from position <paramref name="from"/> on, oldest first, for the
    /// network's statistics; segments it reads are not kept in the feed's cache of recent pages.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetRangeAsync")]
    Task<IReadOnlyList<Activity>> GetRangeAsync(long from, int count);
}
