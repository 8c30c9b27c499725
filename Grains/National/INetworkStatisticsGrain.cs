namespace OurSociety.Federation.National;

/// <summary>
/// What one network contributes to the national counts (key <c>stats:{slug}</c>). It counts its feed by position,
/// pre-aggregated by week, and sends each week's part as one <see cref="NationalBatch"/>; it holds the network's consent
/// to national statistics and withdraws what an opt-in counted when the network opts out. Posting never waits on it.
/// </summary>
[Alias("INetworkStatisticsGrain")]
public interface INetworkStatisticsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Something to count soon: the feed's items it has just written (<paramref name="written"/>, counted from here when
    /// they follow on from what is held, and otherwise read from the feed), or, when null, a change of the network's
    /// members or links. One way; a lost poke is made up by the next, or by the regular re-read of members and links.
    /// </summary>
    [OneWay]
    [AlwaysInterleave]
    [Alias("PokeAsync")]
    Task PokeAsync(FeedWritten? written);

    /// <summary>Counts and sends everything not yet sent, and returns once the weeks have it.</summary>
    [AlwaysInterleave]
    [Alias("FlushAsync")]
    Task FlushAsync();

    /// <summary>
    /// Records the network's say (a version no newer than the one held changes nothing), withdraws what its last opt-in
    /// counted if it opted out, and returns the say it holds once the weeks have heard. Only the network's grain calls it.
    /// </summary>
    [AlwaysInterleave]
    [Alias("SetConsentAsync")]
    Task<NationalConsent> SetConsentAsync(NationalConsent consent);

    /// <summary>The network's say as held here.</summary>
    [AlwaysInterleave]
    [Alias("GetConsentAsync")]
    Task<NationalConsent> GetConsentAsync();
}
