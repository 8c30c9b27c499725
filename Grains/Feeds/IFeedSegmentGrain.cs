namespace OurSociety.Federation.Feeds;

/// <summary>
/// A sealed run of <see cref="FeedGrain.SegmentSize"/> consecutive feed items (key: <c>net:{slug}:{index}</c>).
/// Written when sealed, and again only when an item's owner changes its labels; read by page requests that reach past the feed's tail.
/// </summary>
[Alias("IFeedSegmentGrain")]
public interface IFeedSegmentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores <paramref name="items"/> durably: the segment's run of a feed state that is already written, whose
    /// <see cref="FeedState.Version"/> is <paramref name="feedVersion"/>. A seal from an older write than the one the
    /// segment holds is ignored (a late or retried seal); one from the same or a newer write replaces what differs (the
    /// written feed is the truth: labels set since, or items of a seal whose feed write never landed before versions were kept).
    /// </summary>
    [Alias("SealAsync")]
    Task SealAsync(IReadOnlyList<Activity> items, long feedVersion);

    /// <summary>Sets the labels of the item at <paramref name="offset"/> durably and returns the segment's items as they now are. Only the feed grain calls it.</summary>
    [Alias("RelabelAsync")]
    Task<IReadOnlyList<Activity>> RelabelAsync(int offset, IReadOnlyList<string> labels);

    /// <summary>The segment's items, oldest first; empty if it was never sealed.</summary>
    [Alias("GetItemsAsync")]
    Task<IReadOnlyList<Activity>> GetItemsAsync();
}
