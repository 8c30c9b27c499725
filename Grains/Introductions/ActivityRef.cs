namespace OurSociety.Federation.Introductions;

/// <summary>An activity by where it lives: its network's feed and its position there.</summary>
[GenerateSerializer, Immutable, Alias("ActivityRef")]
public sealed record ActivityRef([property: Id(0)] string Network, [property: Id(1)] long Seq);
