using OurSociety.Federation.Access;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Introductions;

/// <summary>
/// A network's records of introductions are <see cref="Shards"/> lists (keys <c>ledger:{slug}#{n}</c>), each holding the
/// introductions whose id hashes to it. A busy broker's every notice then rewrites an eighth of its records, not all of
/// them, and notices to one network spread over several grains. Counts are the sum of the shards; a page is their merge.
/// </summary>
public static class IntroductionLedgers
{
    /// <summary>How many lists hold one network's records. Fixed: an introduction's shard follows from its id alone.</summary>
    public const int Shards = 8;

    public const string Prefix = "ledger:";

    /// <summary>The key of the list that holds <paramref name="introductionId"/> for network <paramref name="slug"/>.</summary>
    public static string Key(string slug, string introductionId) => $"{Prefix}{slug}#{Shard(introductionId)}";

    /// <summary>Every list of network <paramref name="slug"/>'s records.</summary>
    public static string[] Keys(string slug) => [.. Enumerable.Range(0, Shards).Select(n => $"{Prefix}{slug}#{n}")];

    /// <summary>The network a records key belongs to.</summary>
    public static string SlugOf(string key)
    {
        var end = key.LastIndexOf('#');
        return key[Prefix.Length..(end < 0 ? key.Length : end)];
    }

    /// <summary>The lists of a network's records of the introductions it brokered or its members asked for.</summary>
    public static IIntroductionListGrain[] GetIntroductionLedgers(this IGrainFactory grains, string slug) =>
        [.. Keys(slug).Select(grains.Get<IIntroductionListGrain>)];

    /// <summary>The list of a network's records that holds one introduction.</summary>
    public static IIntroductionListGrain GetIntroductionLedger(this IGrainFactory grains, string slug, string introductionId) =>
        grains.Get<IIntroductionListGrain>(Key(slug, introductionId));

    /// <summary>How many introductions the network brokered or its members asked for, by outcome: the sum of its lists.</summary>
    public static async Task<IntroductionCounts> GetIntroductionCountsAsync(this IGrainFactory grains, string slug)
    {
        var counts = await Task.WhenAll(grains.GetIntroductionLedgers(slug).Select(l => l.GetCountsAsync()));
        return counts.Aggregate(IntroductionCounts.None, (sum, c) => sum.Plus(c));
    }

    /// <summary>
    /// A page of what the network brokered, newest request first, for its coordinators (null for anyone else): each list's
    /// page after the same position, merged.
    /// </summary>
    public static async Task<Page<IntroductionView>?> GetLedgerPageAsync(
        this IGrainFactory grains, Caller caller, string slug, IntroductionPosition? after, int first, IntroductionState? filter)
    {
        var pages = await Task.WhenAll(grains.GetIntroductionLedgers(slug).Select(l => l.GetPageAsync(caller, after, first, filter)));
        return Merge(pages, first);
    }

    /// <summary>
    /// Merges pages read after the same position from lists that hold different introductions (or different views of the
    /// same one: a party's view wins over the broker's), newest request first. Null when every page is.
    /// </summary>
    public static Page<IntroductionView>? Merge(IReadOnlyList<Page<IntroductionView>?> pages, int first)
    {
        if (pages.All(p => p is null))
        {
            return null;
        }

        var merged = pages.OfType<Page<IntroductionView>>()
            .SelectMany(p => p.Items)
            .GroupBy(v => v.Id, StringComparer.Ordinal)
            .Select(g => g.OrderBy(v => v.Role).First())
            .Order(Comparer<IntroductionView>.Create((x, y) => IntroductionPosition.Order(IntroductionPosition.Of(x), IntroductionPosition.Of(y))))
            .ToList();
        var hasMore = merged.Count > first || pages.Any(p => p?.HasMore == true);
        return new Page<IntroductionView>([.. merged.Take(first)], hasMore, pages.OfType<Page<IntroductionView>>().Sum(p => p.TotalCount));
    }

    /// <summary>FNV-1a over the id's characters: the same in every process and every version, unlike string.GetHashCode.</summary>
    private static int Shard(string introductionId)
    {
        var hash = 2166136261u;
        foreach (var c in introductionId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Shards);
    }
}
