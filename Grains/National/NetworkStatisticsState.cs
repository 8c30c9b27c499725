using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.National;

/// <summary>What a <see cref="NetworkStatisticsGrain"/> persists: how far it has counted, its consent, and what is in flight.</summary>
[GenerateSerializer, Alias("NetworkStatisticsState")]
public sealed class NetworkStatisticsState
{
    /// <summary>Feed positions below this are in the national counts.</summary>
    [Id(0)]
    public long Through { get; set; }

    /// <summary>The last batch planned; the next gets one more.</summary>
    [Id(1)]
    public long LastSeq { get; set; }

    [Id(2)]
    public PlannedBatch? Planned { get; set; }

    [Id(3)]
    public NationalConsent Consent { get; set; } = NationalConsent.None;

    /// <summary>The network's region, read once from its profile.</summary>
    [Id(4)]
    public string? Region { get; set; }

    /// <summary>Weeks holding non-public counts of the current opt-in.</summary>
    [Id(5)]
    public HashSet<string> ConsentedWeeks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Weeks still to hear that an opt-in was withdrawn, with its epoch.</summary>
    [Id(6)]
    public Dictionary<string, long> Withdrawals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Introduction counts already sent (or, at opt-in, the counts before it, which are never sent).</summary>
    [Id(7)]
    public IntroductionCounts SentIntroductions { get; set; } = IntroductionCounts.None;

    [Id(8)]
    public int SentWantsMet { get; set; }

    /// <summary>The peers of the network's active links as last sent to the link graph.</summary>
    [Id(9)]
    public List<string> SentLinks { get; set; } = [];

    [Id(10)]
    public long LinksVersion { get; set; }

    /// <summary>Members up to this position (joining order) are counted as joined; null before the first.</summary>
    [Id(11)]
    public long? MembersThrough { get; set; }
}
