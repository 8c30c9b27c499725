using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.National;

/// <summary>
/// The batch a network's statistics are sending: written before anything is sent, so after a crash the same batch is
/// counted again from the same feed positions (feed items never change what is counted) and sent with the same
/// <see cref="Seq"/>, which the weeks that have it already ignore.
/// </summary>
/// <param name="From">The first feed position it counts.</param>
/// <param name="UpTo">The position after the last one it counts.</param>
/// <param name="CountConsented">Whether it counts non-public activity (posted since <see cref="NationalConsent.Since"/>).</param>
/// <param name="Introductions">The network's introduction counts when planned; the batch adds what they grew by since the last.</param>
/// <param name="Week">The week introductions and wants met are counted in: the week they were seen.</param>
/// <param name="Weeks">Every week the batch goes to.</param>
/// <param name="ConsentedWeeks">The weeks it adds non-public counts to, so an opt-out knows where to withdraw them.</param>
/// <param name="MembersThrough">The last member position (joining order) it counts; null if none yet.</param>
/// <param name="Joined">Members who joined since the last batch, by the week they joined.</param>
[GenerateSerializer, Immutable, Alias("PlannedBatch")]
public sealed record PlannedBatch(
    [property: Id(0)] long Seq,
    [property: Id(1)] long From,
    [property: Id(2)] long UpTo,
    [property: Id(3)] bool CountConsented,
    [property: Id(4)] IntroductionCounts Introductions,
    [property: Id(5)] int WantsMet,
    [property: Id(6)] string Week,
    [property: Id(7)] IReadOnlyList<string> Weeks,
    [property: Id(8)] IReadOnlyList<string> ConsentedWeeks,
    [property: Id(9)] long? MembersThrough = null,
    [property: Id(10)] IReadOnlyDictionary<string, int>? Joined = null);
