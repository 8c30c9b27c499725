namespace OurSociety.Federation.Feeds;

[GenerateSerializer, Alias("FeedSegmentState")]
public sealed class FeedSegmentState
{
    [Id(0)]
    public List<Activity> Items { get; set; } = [];
}
