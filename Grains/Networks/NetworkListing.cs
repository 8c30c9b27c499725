namespace OurSociety.Federation.Networks;

/// <summary>A network as the directory lists it; <paramref name="Position"/> is its place in creation order and the paging cursor.</summary>
[GenerateSerializer, Immutable, Alias("NetworkListing")]
public sealed record NetworkListing(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] string Region,
    [property: Id(3)] int Position);
