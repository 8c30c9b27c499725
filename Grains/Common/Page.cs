namespace OurSociety.Federation.Common;

/// <summary>One page of a list kept in a grain, with the position to continue after.</summary>
[GenerateSerializer, Immutable, Alias("Page`1")]
public sealed record Page<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1)] bool HasMore,
    [property: Id(2)] int TotalCount);
