using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.Matching;

/// <summary>
/// A network's suggested introductions (key: <c>match:{slug}</c>): wants posted in the network, each with the offers
/// that meet it, from the network itself and from linked networks that share offers with it, whichever was posted first. Its coordinators read
/// them and turn one into an introduction; a want's own organisation marks it met.
/// </summary>
[Alias("IMatchGrain")]
public interface IMatchGrain : IGrainWithStringKey
{
    /// <summary>A want was posted in the network (after it is durable); the grain looks for offers that meet it.</summary>
    [OneWay]
    [Alias("WantPostedAsync")]
    Task WantPostedAsync(Activity want);

    /// <summary>
    /// An offer its organisation's members may see was posted (after it is durable): in the network itself, or in a linked
    /// network that shares offers with it. The grain looks for the network's open wants it meets.
    /// </summary>
    [OneWay]
    [Alias("OfferPostedAsync")]
    Task OfferPostedAsync(Activity offer);

    /// <summary>Suggestions, best first, after position <paramref name="after"/>; for the network's coordinators (null for anyone else).</summary>
    [Alias("GetPageAsync")]
    Task<Page<MatchSuggestion>?> GetPageAsync(Caller caller, int after, int first);

    /// <summary>One suggestion by its id, for the network's coordinators (null otherwise or if there is none).</summary>
    [Alias("GetAsync")]
    Task<MatchSuggestion?> GetAsync(Caller caller, string matchId);

    /// <summary>
    /// The want's own organisation marks it met: its suggestions go, and the network counts it. Marking again changes
    /// nothing. Anyone else is refused.
    /// </summary>
    [Alias("MarkWantMetAsync")]
    Task<Activity> MarkWantMetAsync(Caller caller, long wantSeq);

    /// <summary>How many wants of this network have been marked met.</summary>
    [Alias("GetWantsMetAsync")]
    Task<int> GetWantsMetAsync();
}

/// <summary>A want and an offer that may meet it, scored from 0 to 1.</summary>
/// <param name="Id">Stable for the pair: <c>{want network}/{want position}~{offer network}/{offer position}</c>.</param>
[GenerateSerializer, Immutable, Alias("MatchSuggestion")]
public sealed record MatchSuggestion(
    [property: Id(0)] string Id,
    [property: Id(1)] ActivityRef Want,
    [property: Id(2)] string WantAuthor,
    [property: Id(3)] ActivityRef Offer,
    [property: Id(4)] string OfferAuthor,
    [property: Id(5)] double Score,
    [property: Id(6)] DateTimeOffset SuggestedAt)
{
    public static string IdOf(ActivityRef want, ActivityRef offer) => $"{want.Network}/{want.Seq}~{offer.Network}/{offer.Seq}";
}
