using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.National;

/// <summary>One published count: a week and the coordinates grouped by; <see cref="Count"/> is null when suppressed.</summary>
[GenerateSerializer, Immutable, Alias("NationalCell")]
public sealed record NationalCell(
    [property: Id(0)] string Week,
    [property: Id(1)] string? Region,
    [property: Id(2)] string? Network,
    [property: Id(3)] ActivityKind? Kind,
    [property: Id(4)] string? Theme,
    [property: Id(5)] long? Count,
    [property: Id(6)] bool Suppressed);
