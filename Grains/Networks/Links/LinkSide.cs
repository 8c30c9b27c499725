using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Networks.Links;

/// <summary>
/// What one network says about a link: only that network changes it, and every change raises
/// <see cref="Version"/>, so the other side keeps the newest it has heard and a repeated or late message changes nothing.
/// The link's state is worked out from both sides' statements (<see cref="LinkRecord.State"/>).
/// </summary>
/// <param name="Version">Raised by every change this side makes; 0 for a side that has said nothing yet.</param>
/// <param name="Consented">This side proposed or accepted the link.</param>
/// <param name="Shares">The kinds this side shares with the other, in enum order.</param>
/// <param name="Suspended">This side has suspended the link.</param>
/// <param name="Ended">This side has ended the link.</param>
/// <param name="ChangedAt">When this side last changed its statement.</param>
[GenerateSerializer, Immutable, Alias("LinkSide")]
public sealed record LinkSide(
    [property: Id(0)] int Version,
    [property: Id(1)] bool Consented,
    [property: Id(2)] IReadOnlyList<ActivityKind> Shares,
    [property: Id(3)] bool Suspended,
    [property: Id(4)] bool Ended,
    [property: Id(5)] DateTimeOffset? ChangedAt)
{
    /// <summary>A side that has said nothing.</summary>
    public static LinkSide Silent { get; } = new(0, false, [], false, false, null);
}
