namespace OurSociety.Federation.National;

/// <summary>What a <see cref="NationalWeekGrain"/> persists: the networks of its shard that had something in its week.</summary>
[GenerateSerializer, Alias("NationalWeekState")]
public sealed class NationalWeekState
{
    [Id(0)]
    public Dictionary<string, NetworkWeek> Networks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A fresh random value with every change written, so a reader can tell the counts it settled before are unchanged.</summary>
    [Id(1)]
    public long Version { get; set; }
}
