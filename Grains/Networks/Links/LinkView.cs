using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Networks.Links;

/// <summary>A link as one of its two networks sees it.</summary>
/// <param name="Network">The network whose view this is.</param>
/// <param name="Peer">The network at the other end.</param>
/// <param name="Shares">The kinds <paramref name="Network"/> shares with <paramref name="Peer"/>.</param>
/// <param name="PeerShares">The kinds <paramref name="Peer"/> shares with <paramref name="Network"/>.</param>
/// <param name="ProposedBy">The slug of the network that proposed it.</param>
/// <param name="Since">When it first became active, if it has.</param>
/// <param name="SuspendedByNetwork">Whether <paramref name="Network"/> has suspended it.</param>
/// <param name="SuspendedByPeer">Whether <paramref name="Peer"/> has suspended it, as far as <paramref name="Network"/> has heard.</param>
/// <param name="ChangedAt">When either side last changed its statement.</param>
[GenerateSerializer, Immutable, Alias("LinkView")]
public sealed record LinkView(
    [property: Id(0)] string Network,
    [property: Id(1)] string Peer,
    [property: Id(2)] LinkState State,
    [property: Id(3)] IReadOnlyList<ActivityKind> Shares,
    [property: Id(4)] IReadOnlyList<ActivityKind> PeerShares,
    [property: Id(5)] string ProposedBy,
    [property: Id(6)] DateTimeOffset? Since,
    [property: Id(7)] bool SuspendedByNetwork,
    [property: Id(8)] bool SuspendedByPeer,
    [property: Id(9)] DateTimeOffset? ChangedAt);
