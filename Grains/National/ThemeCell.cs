using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.National;

/// <summary>A kind and one theme of it; <see cref="Theme"/> is empty for activity without themes.</summary>
[GenerateSerializer, Immutable, Alias("ThemeCell")]
public readonly record struct ThemeCell([property: Id(0)] ActivityKind Kind, [property: Id(1)] string Theme);
