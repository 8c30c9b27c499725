namespace OurSociety.Federation.Matching;

/// <summary>What a <see cref="MatchGrain"/> persists: the best suggestions, the wants met, bounded.</summary>
[GenerateSerializer, Alias("MatchState")]
public sealed class MatchState
{
    /// <summary>Suggestions, best first.</summary>
    [Id(0)]
    public List<MatchSuggestion> Suggestions { get; set; } = [];

    /// <summary>Positions of the network's wants marked met (the newest kept, so marking again is recognised).</summary>
    [Id(1)]
    public List<long> MetWants { get; set; } = [];

    /// <summary>How many wants have been marked met, ever.</summary>
    [Id(2)]
    public int WantsMet { get; set; }
}
