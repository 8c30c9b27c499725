using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Networks.Links;

/// <summary>A network's record of its link with one other network: its own statement and the newest it has heard from the other.</summary>
[GenerateSerializer, Alias("LinkRecord")]
public sealed class LinkRecord
{
    /// <summary>The other network's slug.</summary>
    [Id(0)]
    public string Peer { get; set; } = string.Empty;

    [Id(1)]
    public int Epoch { get; set; }

    [Id(2)]
    public string ProposedBy { get; set; } = string.Empty;

    [Id(3)]
    public LinkSide Ours { get; set; } = LinkSide.Silent;

    [Id(4)]
    public LinkSide Theirs { get; set; } = LinkSide.Silent;

    /// <summary>The newest version of our statement the other side has confirmed hearing; below <c>Ours.Version</c> means it is still to be delivered.</summary>
    [Id(5)]
    public int Delivered { get; set; }

    /// <summary>When the link first became active in this epoch.</summary>
    [Id(6)]
    public DateTimeOffset? Since { get; set; }

    public LinkState State =>
        Ours.Ended || Theirs.Ended ? LinkState.Ended
        : !(Ours.Consented && Theirs.Consented) ? LinkState.Proposed
        : Ours.Suspended || Theirs.Suspended ? LinkState.Suspended
        : LinkState.Active;

    /// <summary>Whether we still owe the other side our newest statement.</summary>
    public bool Undelivered => Delivered < Ours.Version;

    /// <summary>Whether items of <paramref name="kind"/> flow from us to the other side.</summary>
    public bool WeShare(ActivityKind kind) => State == LinkState.Active && Ours.Shares.Contains(kind);

    /// <summary>Whether items of <paramref name="kind"/> flow from the other side to us.</summary>
    public bool TheyShare(ActivityKind kind) => State == LinkState.Active && Theirs.Shares.Contains(kind);

    public LinkMessage MessageFrom(string slug) => new(slug, Epoch, ProposedBy, Ours, Theirs.Version);

    public LinkView View(string slug) => new(
        slug, Peer, State, Ours.Shares, Theirs.Shares, ProposedBy, Since, Ours.Suspended, Theirs.Suspended,
        new[] { Ours.ChangedAt, Theirs.ChangedAt }.Max());
}
