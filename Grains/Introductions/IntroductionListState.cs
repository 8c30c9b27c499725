namespace OurSociety.Federation.Introductions;

/// <summary>What an <see cref="IntroductionListGrain"/> persists.</summary>
[GenerateSerializer, Alias("IntroductionListState")]
public sealed class IntroductionListState
{
    /// <summary>The introductions held, by id, as this list's readers may see them.</summary>
    [Id(0)]
    public Dictionary<string, IntroductionListEntry> Entries { get; set; } = [];

    /// <summary>For a network: the introductions it counts, by outcome.</summary>
    [Id(1)]
    public IntroductionCounts Counts { get; set; } = IntroductionCounts.None;

    /// <summary>For an inbox: the organisations it is connected with through an introduction (kept even when entries are trimmed).</summary>
    [Id(2)]
    public HashSet<string> ConnectedWith { get; set; } = [];

    /// <summary>For an inbox: what the organisation takes.</summary>
    [Id(3)]
    public IntroductionPreferences Preferences { get; set; } = IntroductionPreferences.Default;
}

/// <summary>
/// One introduction in a list: only what listing and counting need; views are read from the introduction itself, so
/// the list stays small. <see cref="View"/> is no longer written (states written by earlier versions may hold one; it
/// is not read).
/// </summary>
[GenerateSerializer, Immutable, Alias("IntroductionListEntry")]
public sealed record IntroductionListEntry(
    [property: Id(0)] IntroductionView? View,
    [property: Id(1)] bool Home,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset RequestedAt,
    [property: Id(4)] IntroductionState State,
    [property: Id(5)] bool Met)
{
    /// <summary>In a network's records: whether the network brokered it (so its coordinators list it).</summary>
    [Id(6)]
    public bool Brokered { get; init; }

    /// <summary>In an inbox: the network that brokered it, if one did (so a page can be cut to one broker).</summary>
    [Id(7)]
    public string? BrokerNetwork { get; init; }
}
