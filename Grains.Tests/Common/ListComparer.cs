namespace OurSociety.Federation.Grains.Tests.Common;

/// <summary>Compares lists of strings by their items, in order.</summary>
public sealed class ListComparer : IEqualityComparer<IReadOnlyList<string>>
{
    public static ListComparer Instance { get; } = new();

    public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) => x is not null && y is not null && x.SequenceEqual(y);

    public int GetHashCode(IReadOnlyList<string> obj) => obj.Count;
}
