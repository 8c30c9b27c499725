namespace OurSociety.Federation.Feeds;

[GenerateSerializer, Alias("FeedSegmentState")]
public sealed class FeedSegmentState
{
    [Id(0)]
    public List<Activity> Items { get; set; } = [];

    /// <summary>The <see cref="FeedState.Version"/> of the written feed state the items were sealed from (0 before it was kept).</summary>
    [Id(1)]
    public long FeedVersion { get; set; }
}
