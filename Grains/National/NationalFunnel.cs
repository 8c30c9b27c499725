namespace OurSociety.Federation.National;

/// <summary>Introductions and wants met over the range; each count is null when suppressed.</summary>
[GenerateSerializer, Immutable, Alias("NationalFunnel")]
public sealed record NationalFunnel(
    [property: Id(0)] long? Requested,
    [property: Id(1)] long? Connected,
    [property: Id(2)] long? Declined,
    [property: Id(3)] long? Expired,
    [property: Id(4)] long? Met,
    [property: Id(5)] long? WantsMet);
