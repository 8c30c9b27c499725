namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>The state the contract tests store: a positional record, like the hub's grain states.</summary>
[GenerateSerializer, Immutable]
public sealed record StorageTestState([property: Id(0)] string Text, [property: Id(1)] byte[]? Blob = null);
