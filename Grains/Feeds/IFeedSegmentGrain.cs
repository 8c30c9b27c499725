namespace OurSociety.Federation.Feeds;

/// <summary>
/// A sealed, immutable run of <see cref="FeedGrain.SegmentSize"/> consecutive feed items
/// (key: <c>net:{slug}:{index}</c>). Written once; read by page requests that reach past the feed's tail.
/// </summary>
[Alias("IFeedSegmentGrain")]
public interface IFeedSegmentGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="items"/> durably. Sealing again with the same items is a no-op (a retried seal).</summary>
    [Alias("SealAsync")]
    Task SealAsync(IReadOnlyList<Activity> items);

    /// <summary>The segment's items, oldest first; empty if it was never sealed.</summary>
    [Alias("GetItemsAsync")]
    Task<IReadOnlyList<Activity>> GetItemsAsync();
}
