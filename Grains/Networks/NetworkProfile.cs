namespace OurSociety.Federation.Networks;

/// <summary>A network's public profile.</summary>
/// <param name="NationalStatistics">Whether the network lets national statistics count its non-public activity (its coordinators decide).</param>
/// <param name="JoinPolicy">Whether a coordinator approves each request to join, so organisations know before they ask.</param>
[GenerateSerializer, Immutable, Alias("NetworkProfile")]
public sealed record NetworkProfile(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] string Region,
    [property: Id(3)] string? Charter,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] int MemberCount,
    [property: Id(6)] JoinPolicy JoinPolicy,
    [property: Id(7)] bool NationalStatistics = false);
