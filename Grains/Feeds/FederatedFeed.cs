namespace OurSociety.Federation.Feeds;

/// <summary>
/// Where a reader of a merged (federated) feed has got to: a position in each source feed, so items arriving while it
/// pages never shift what it has not read. Sources are the network's own feed and each linked network's, the latter
/// keyed by <see cref="KeyOf"/> so a cursor stays short with many links.
/// </summary>
/// <param name="Boundary">When the oldest item read so far was posted: a source first met on a later page starts before it.</param>
/// <param name="Own">The position to read the network's own feed before; null for its newest.</param>
/// <param name="Peers">The position to read each linked network's feed before, by <see cref="KeyOf"/>.</param>
[GenerateSerializer, Immutable, Alias("FederatedPosition")]
public sealed record FederatedPosition(
    [property: Id(0)] DateTimeOffset? Boundary,
    [property: Id(1)] long? Own,
    [property: Id(2)] IReadOnlyDictionary<uint, long> Peers)
{
    public static FederatedPosition Start { get; } = new(null, null, new Dictionary<uint, long>());

    /// <summary>
    /// The cursor key of each of <paramref name="slugs"/>: <see cref="KeyOf"/>, except that when two slugs hash alike the
    /// later one (in ordinal order) takes a salted hash instead, so no two sources of one page ever share a position.
    /// </summary>
    public static Dictionary<string, uint> KeysOf(IEnumerable<string> slugs)
    {
        var keys = new Dictionary<string, uint>(StringComparer.Ordinal);
        var taken = new HashSet<uint>();
        foreach (var slug in slugs.Order(StringComparer.Ordinal))
        {
            var key = KeyOf(slug);
            for (var salt = 1; !taken.Add(key); salt++)
            {
                key = KeyOf($"{slug}\n{salt}");
            }

            keys[slug] = key;
        }

        return keys;
    }

    /// <summary>A short, stable key for a linked network's slug (FNV-1a).</summary>
    public static uint KeyOf(string slug)
    {
        var hash = 2166136261u;
        foreach (var c in slug)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

/// <summary>A request for a page of a federated feed: the filters of <see cref="FeedQuery"/> and where to start.</summary>
[GenerateSerializer, Immutable, Alias("FederatedQuery")]
public sealed record FederatedQuery(
    [property: Id(0)] FeedQuery Filter,
    [property: Id(1)] FederatedPosition After);

/// <summary>One item of a federated page and the source it came from, so the position just after it can be worked out.</summary>
/// <param name="Peer">The key of the linked network's feed it came from (<see cref="FederatedPosition.Peers"/>); null for the network's own feed.</param>
[GenerateSerializer, Immutable, Alias("FederatedItem")]
public sealed record FederatedItem(
    [property: Id(0)] Activity Activity,
    [property: Id(1)] uint? Peer)
{
    /// <summary>
    /// The position just after each of <paramref name="items"/> (their edges' cursors), starting from
    /// <paramref name="start"/>: each item moves only its own source. One dictionary is reused, so read each before the next.
    /// </summary>
    public static IEnumerable<FederatedPosition> PositionsAfter(FederatedPosition start, IEnumerable<FederatedItem> items)
    {
        var own = start.Own;
        var peers = new Dictionary<uint, long>(start.Peers);
        foreach (var item in items)
        {
            if (item.Peer is { } key)
            {
                peers[key] = item.Activity.Seq;
            }
            else
            {
                own = item.Activity.Seq;
            }

            yield return new FederatedPosition(item.Activity.PostedAt, own, peers);
        }
    }
}

/// <summary>A page of a federated feed, newest first.</summary>
/// <param name="End">Where the next page starts (also when no item matched in what was read).</param>
/// <param name="HasMore">Whether any source may have older items.</param>
[GenerateSerializer, Immutable, Alias("FederatedPage")]
public sealed record FederatedPage(
    [property: Id(0)] IReadOnlyList<FederatedItem> Items,
    [property: Id(1)] FederatedPosition End,
    [property: Id(2)] bool HasMore);
