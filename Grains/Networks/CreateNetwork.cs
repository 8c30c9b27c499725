namespace OurSociety.Federation.Networks;

/// <summary>A request to create a network, before validation.</summary>
/// <param name="Coordinators">Subjects (stable user ids) who coordinate the network, besides the caller.</param>
[GenerateSerializer, Immutable, Alias("CreateNetwork")]
public sealed record CreateNetwork(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Region,
    [property: Id(2)] string? Charter,
    [property: Id(3)] IReadOnlyList<string>? Coordinators,
    [property: Id(4)] string? ClientRequestId);
