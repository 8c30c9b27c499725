using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Organisations;

/// <summary>The organisation after asking to join, and where it now stands with the network.</summary>
[GenerateSerializer, Immutable, Alias("JoinResult")]
public sealed record JoinResult(
    [property: Id(0)] OrganisationProfile Organisation,
    [property: Id(1)] MembershipStatus Status);
