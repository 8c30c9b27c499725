using OurSociety.Federation.Common;

namespace OurSociety.Federation.Feeds;

/// <summary>One item in a network's feed, as stored.</summary>
/// <param name="Id">A ULID: time-ordered across the hub.</param>
/// <param name="Seq">Its position in its network's feed, from 0; newer items have larger positions.</param>
/// <param name="OriginNetwork">The slug of the network it was posted in.</param>
/// <param name="AuthorId">The organisation that posted it.</param>
[GenerateSerializer, Immutable, Alias("Activity")]
public sealed record Activity(
    [property: Id(0)] string Id,
    [property: Id(1)] long Seq,
    [property: Id(2)] string OriginNetwork,
    [property: Id(3)] string AuthorId,
    [property: Id(4)] ActivityKind Kind,
    [property: Id(5)] string Title,
    [property: Id(6)] string Body,
    [property: Id(7)] IReadOnlyList<string> Themes,
    [property: Id(8)] IReadOnlyList<string> Labels,
    [property: Id(9)] Place? Place,
    [property: Id(10)] Visibility Visibility,
    [property: Id(11)] DateTimeOffset PostedAt);
