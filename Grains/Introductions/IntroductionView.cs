namespace OurSociety.Federation.Introductions;

/// <summary>
/// An introduction as one reader may see it. It never carries contact details: those stay with each organisation,
/// which shows them to the other only once the introduction is <see cref="IntroductionState.Connected"/>. Nor does it
/// say who declined.
/// </summary>
[GenerateSerializer, Immutable, Alias("IntroductionView")]
public sealed record IntroductionView(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] IntroductionState State,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset RequestedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] string A,
    [property: Id(7)] string B,
    [property: Id(8)] string ANetwork,
    [property: Id(9)] string BNetwork,
    [property: Id(10)] string? BrokerNetwork,
    [property: Id(11)] ActivityRef? Want,
    [property: Id(12)] ActivityRef? Offer,
    [property: Id(13)] IntroductionRole Role)
{
    /// <summary>For a party: which of the two it is (<see cref="A"/> or <see cref="B"/>); null for the broker.</summary>
    [Id(14)]
    public string? Side { get; init; }

    /// <summary>For a party: its own answer; the other's is never shown.</summary>
    [Id(15)]
    public IntroductionAnswer YourAnswer { get; init; }

    /// <summary>When both said yes.</summary>
    [Id(16)]
    public DateTimeOffset? ConnectedAt { get; init; }

    /// <summary>When it closed without connecting (declined, expired or withdrawn).</summary>
    [Id(17)]
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>For a party who has not answered: the hub has reminded it (at half-time).</summary>
    [Id(18)]
    public bool Reminded { get; init; }

    /// <summary>A "did you meet?" check-in has been asked (some days after connecting).</summary>
    [Id(19)]
    public bool CheckInAsked { get; init; }

    /// <summary>Whether they met, once either party has answered the check-in; null until then.</summary>
    [Id(20)]
    public bool? Met { get; init; }

    /// <summary>For a party: the other organisation's id.</summary>
    public string? Counterpart => Side is null ? null : Side == A ? B : A;
}

/// <summary>An introduction's change, addressed to one recipient (an organisation's inbox or a network's records).</summary>
/// <param name="View">What that recipient may know, as of <see cref="IntroductionView.Version"/>.</param>
/// <param name="Home">Whether the recipient is the network the introduction counts for (its broker, or else the asker's network).</param>
[GenerateSerializer, Immutable, Alias("IntroductionNotice")]
public sealed record IntroductionNotice([property: Id(0)] IntroductionView View, [property: Id(1)] bool Home);

/// <summary>Introductions counted by one network (those it brokered, or that one of its members asked for).</summary>
[GenerateSerializer, Immutable, Alias("IntroductionCounts")]
public sealed record IntroductionCounts(
    [property: Id(0)] int Requested,
    [property: Id(1)] int Connected,
    [property: Id(2)] int Declined,
    [property: Id(3)] int Expired,
    [property: Id(4)] int Withdrawn,
    [property: Id(5)] int Met)
{
    public static IntroductionCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    public IntroductionCounts Plus(IntroductionCounts other) => new(
        Requested + other.Requested, Connected + other.Connected, Declined + other.Declined,
        Expired + other.Expired, Withdrawn + other.Withdrawn, Met + other.Met);
}

/// <summary>What an organisation accepts: introductions at all, and from whom not.</summary>
/// <param name="Open">False when it takes no introductions at all.</param>
/// <param name="Blocked">Organisations it does not want to be introduced to.</param>
[GenerateSerializer, Immutable, Alias("IntroductionPreferences")]
public sealed record IntroductionPreferences([property: Id(0)] bool Open, [property: Id(1)] IReadOnlyList<string> Blocked)
{
    public static IntroductionPreferences Default { get; } = new(true, []);
}
