using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.National;

/// <summary>
/// What one network adds to one week's national counts: its feed positions up to <see cref="UpTo"/> that fall in the
/// week, counted in the network. <see cref="Seq"/> rises with every batch the network plans, and a week applies a
/// network's batch only if it is newer than the last it applied, so a batch sent again after a lost answer or a crash
/// counts once. <see cref="Consented"/> holds only what the network consented to (<see cref="Epoch"/> of its opt-in).
/// <see cref="Joined"/> is how many organisations joined the network in the week (membership lists are public).
/// </summary>
[GenerateSerializer, Immutable, Alias("NationalBatch")]
public sealed record NationalBatch(
    [property: Id(0)] string Network,
    [property: Id(1)] string Region,
    [property: Id(2)] long Seq,
    [property: Id(3)] long UpTo,
    [property: Id(4)] ActivityCounts Public,
    [property: Id(5)] long Epoch,
    [property: Id(6)] ActivityCounts? Consented,
    [property: Id(7)] IntroductionCounts? Introductions,
    [property: Id(8)] int WantsMet,
    [property: Id(9)] int Joined = 0);
