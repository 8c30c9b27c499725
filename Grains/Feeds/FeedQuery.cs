namespace OurSociety.Federation.Feeds;

/// <summary>Who a feed page is for: the public sees <see cref="Visibility.Public"/> items only; members see everything in their network.</summary>
[GenerateSerializer, Alias("FeedAudience")]
public enum FeedAudience
{
    Public,
    Member,
}

public static class FeedAudienceExtensions
{
    /// <summary>The one visibility rule for a network's own feed: members see everything, everyone else public items only.</summary>
    public static bool CanSee(this FeedAudience audience, Activity activity) =>
        audience == FeedAudience.Member || activity.Visibility == Visibility.Public;
}

/// <summary>A page request on one network's feed, newest first.</summary>
/// <param name="Before">Only items older than this position (the cursor); null for the newest.</param>
/// <param name="First">How many items at most.</param>
/// <param name="Kinds">Only these kinds; null or empty for all.</param>
[GenerateSerializer, Immutable, Alias("FeedQuery")]
public sealed record FeedQuery(
    [property: Id(0)] long? Before,
    [property: Id(1)] int First,
    [property: Id(2)] IReadOnlyList<ActivityKind>? Kinds,
    [property: Id(3)] FeedAudience Audience);

/// <summary>A page of a feed.</summary>
/// <param name="Next">The position to pass as <see cref="FeedQuery.Before"/> for the next page, when there may be one.</param>
/// <param name="TotalCount">How many items the audience can see in the whole feed, when the query has no kind filter.</param>
[GenerateSerializer, Immutable, Alias("FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] IReadOnlyList<Activity> Items,
    [property: Id(1)] long? Next,
    [property: Id(2)] long? TotalCount);
