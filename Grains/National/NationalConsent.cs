namespace OurSociety.Federation.National;

/// <summary>
/// A network's say on national statistics. <see cref="Epoch"/> counts its opt-ins: what one opt-in counted is withdrawn
/// as a whole when the network opts out, and a late batch of a withdrawn opt-in is refused.
/// </summary>
/// <param name="Since">When it opted in: its non-public activity posted from then on counts, nothing posted before.</param>
[GenerateSerializer, Immutable, Alias("NationalConsent")]
public sealed record NationalConsent(
    [property: Id(0)] bool OptedIn,
    [property: Id(1)] long Version,
    [property: Id(2)] long Epoch,
    [property: Id(3)] DateTimeOffset? Since)
{
    public static NationalConsent None { get; } = new(false, 0, 0, null);
}
