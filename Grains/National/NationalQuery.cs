namespace OurSociety.Federation.National;

/// <summary>What a national answer covers: the range [<see cref="From"/>, <see cref="To"/>) in whole weeks, and the grouping.</summary>
[GenerateSerializer, Immutable, Alias("NationalQuery")]
public sealed record NationalQuery(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] NationalDimension GroupBy);
