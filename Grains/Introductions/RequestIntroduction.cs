namespace OurSociety.Federation.Introductions;

/// <summary>
/// A request to introduce organisation <paramref name="A"/> to organisation <paramref name="B"/>.
/// </summary>
/// <param name="A">One organisation's id.</param>
/// <param name="B">The other organisation's id.</param>
/// <param name="Reason">Why they should meet, shown to both and to the broker.</param>
/// <param name="BrokerNetwork">
/// The network whose coordinator is brokering the introduction; null when the caller asks for one of its own
/// organisations (then that organisation has said yes by asking).
/// </param>
/// <param name="Want">The want it answers, if any: a <c>WANT</c> posted by one of the two.</param>
/// <param name="Offer">The offer that meets it, if any: an <c>OFFER</c> posted by the other.</param>
[GenerateSerializer, Immutable, Alias("RequestIntroduction")]
public sealed record RequestIntroduction(
    [property: Id(0)] string A,
    [property: Id(1)] string B,
    [property: Id(2)] string Reason,
    [property: Id(3)] string? BrokerNetwork,
    [property: Id(4)] ActivityRef? Want,
    [property: Id(5)] ActivityRef? Offer);
