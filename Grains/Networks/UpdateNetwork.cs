namespace OurSociety.Federation.Networks;

/// <summary>A coordinator's change to a network's profile, before validation; a null field stays as it is.</summary>
/// <param name="Charter">The new charter; an empty string removes it.</param>
[GenerateSerializer, Immutable, Alias("UpdateNetwork")]
public sealed record UpdateNetwork(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Charter,
    [property: Id(2)] JoinPolicy? JoinPolicy);
