using OurSociety.Federation.Common;

namespace OurSociety.Federation.Feeds;

/// <summary>A request to post into a network's feed, before validation.</summary>
[GenerateSerializer, Immutable, Alias("PostActivity")]
public sealed record PostActivity(
    [property: Id(0)] ActivityKind Kind,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Body,
    [property: Id(3)] IReadOnlyList<string>? Themes,
    [property: Id(4)] IReadOnlyList<string>? Labels,
    [property: Id(5)] Place? Place,
    [property: Id(6)] Visibility Visibility,
    [property: Id(7)] string? ClientRequestId);
