namespace OurSociety.Federation.Feeds;

/// <summary>The part of a feed a <see cref="FeedGrain"/> persists: bounded by the segment size and the request window.</summary>
[GenerateSerializer, Alias("FeedState")]
public sealed class FeedState
{
    /// <summary>How many full segments have been sealed into segment grains.</summary>
    [Id(0)]
    public long SealedSegments { get; set; }

    /// <summary>Items not yet sealed, oldest first; item i has position SealedSegments × SegmentSize + i.</summary>
    [Id(1)]
    public List<Activity> Tail { get; set; } = [];

    /// <summary>The most recent client request ids (hashed with the author), oldest first, with the position they made.</summary>
    [Id(2)]
    public List<RecentRequest> RecentRequests { get; set; } = [];

    /// <summary>How many public items the feed holds, so a public page can say its total without scanning.</summary>
    [Id(3)]
    public long PublicCount { get; set; }

    /// <summary>
    /// What this network shares with each network it has an active link with, as its <see cref="Networks.INetworkGrain"/>
    /// last said (only active links appear). Linked networks' reads are checked against it.
    /// </summary>
    [Id(4)]
    public Dictionary<string, ActivityKind[]> Sharing { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The network's version of <see cref="Sharing"/>, so an older word never replaces a newer one.</summary>
    [Id(5)]
    public long SharingVersion { get; set; }

    /// <summary>
    /// How many times this state has been written (counting from when the field was added). A segment is sealed only from
    /// a written state and records this number, so a seal from an older write never replaces one from a newer write.
    /// </summary>
    [Id(6)]
    public long Version { get; set; }
}

/// <summary>A client request id the feed has seen, as a 64-bit hash of author and id.</summary>
[GenerateSerializer, Immutable, Alias("RecentRequest")]
public readonly record struct RecentRequest([property: Id(0)] long Hash, [property: Id(1)] long Seq);
