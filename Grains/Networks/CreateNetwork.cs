namespace OurSociety.Federation.Networks;

/// <summary>A request to create a network, before validation.</summary>
/// <param name="Coordinators">Subjects (as the token issuer names them) who coordinate the network; at least one.</param>
/// <param name="JoinPolicy">Null for <see cref="Networks.JoinPolicy.Approval"/>.</param>
[GenerateSerializer, Immutable, Alias("CreateNetwork")]
public sealed record CreateNetwork(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Region,
    [property: Id(2)] string? Charter,
    [property: Id(3)] IReadOnlyList<string>? Coordinators,
    [property: Id(4)] string? ClientRequestId,
    [property: Id(5)] JoinPolicy? JoinPolicy = null);
