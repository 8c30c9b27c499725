namespace OurSociety.Federation.Networks;

/// <summary>A join request as coordinators see it, marked when the organisation is a newcomer.</summary>
[GenerateSerializer, Immutable, Alias("PendingJoinRequest")]
public sealed record PendingJoinRequest(
    [property: Id(0)] JoinRequest Request,
    [property: Id(1)] bool Newcomer);
