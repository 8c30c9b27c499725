using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.National;

/// <summary>
/// What one group commit of a feed wrote, in feed order (each item's <see cref="Activity.Seq"/> is its position), sent
/// with the poke that follows it, so the network's statistics can count those positions without reading them back.
/// </summary>
[GenerateSerializer, Immutable, Alias("FeedWritten")]
public sealed record FeedWritten([property: Id(0)] IReadOnlyList<Activity> Items);
