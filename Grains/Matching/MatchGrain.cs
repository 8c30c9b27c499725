using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Introductions;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Matching;

/// <inheritdoc cref="IMatchGrain"/>
/// <remarks>
/// When a want is posted, the grain reads the network's federated feed for offers as a member of the wanting
/// organisation would (so only offers that organisation may see: its network's own, and what linked networks share
/// with it), newest <see cref="CandidateOffers"/> with at least one of the want's themes. It drops the organisation's
/// own offers, and, when both have a place, offers farther than <see cref="RadiusKm"/> away. Score: the share of
/// themes in common (Jaccard: common ÷ all), times 1 − distance ÷ (2 × radius) when both have a place (so 0.5 to 1),
/// else times 0.75. The best <see cref="OffersPerWant"/> per want are kept, and the best <see cref="MaxSuggestions"/>
/// overall. When an offer is posted after the want, the same rules hold from its side: the network's grain (or, for an
/// offer shared through a link, the receiving network's grain, after checking its own side of the link) tells this one,
/// which scores it against the newest <see cref="CandidateWants"/> of the network's wants with one of its themes, leaving
/// out the offering organisation's own wants and wants marked met.
/// </remarks>
public sealed class MatchGrain(
    [PersistentState("matches", HubStorage.Name)] IPersistentState<MatchState> state,
    TimeProvider time) : Grain, IMatchGrain
{
    public const int CandidateOffers = 100;
    public const int CandidateWants = 100;
    public const int OffersPerWant = 10;
    public const int MaxSuggestions = 500;
    public const double RadiusKm = 50;
    private const int MaxMetRemembered = 2000;

    private string Slug => this.GetPrimaryKeyString()["match:".Length..];

    public async Task WantPostedAsync(Activity want)
    {
        if (want.Kind != ActivityKind.Want || want.Themes.Count == 0 || state.State.MetWants.Contains(want.Seq))
        {
            return;
        }

        var reader = new Caller("matching:" + Slug, HubRoles.None, [want.AuthorId]);
        var query = new FeedQuery(null, CandidateOffers, [ActivityKind.Offer], FeedAudience.Member) { Themes = want.Themes };
        var page = await GrainFactory.GetNetwork(Slug).GetFederatedFeedAsync(reader, new FederatedQuery(query, FederatedPosition.Start));
        var now = time.GetUtcNow();
        await KeepAsync([.. page.Items.Select(i => Suggest(want, i.Activity, now)).OfType<MatchSuggestion>()]);
    }

    public async Task OfferPostedAsync(Activity offer)
    {
        if (offer.Kind != ActivityKind.Offer || offer.Themes.Count == 0)
        {
            return;
        }

        // The network's own wants, whatever their visibility: the offer has reached this grain only if the wanting
        // organisations, as members here, may see it (posted here, or shared with this network through an active link).
        var query = new FeedQuery(null, CandidateWants, [ActivityKind.Want], FeedAudience.Member) { Themes = offer.Themes };
        var page = await GrainFactory.GetFeed(Slug).GetPageAsync(query);
        var now = time.GetUtcNow();
        await KeepAsync([.. page.Items.Where(want => !state.State.MetWants.Contains(want.Seq)).Select(want => Suggest(want, offer, now)).OfType<MatchSuggestion>()]);
    }

    public async Task<Page<MatchSuggestion>?> GetPageAsync(Caller caller, int after, int first)
    {
        if (!await IsCoordinatorAsync(caller))
        {
            return null;
        }

        first = Input.PageSize(first, 100, "first");
        var all = state.State.Suggestions;
        var items = all.Skip(Math.Max(0, after)).Take(first).ToArray();
        return new Page<MatchSuggestion>(items, after + items.Length < all.Count, all.Count);
    }

    public async Task<MatchSuggestion?> GetAsync(Caller caller, string matchId) =>
        await IsCoordinatorAsync(caller) ? state.State.Suggestions.FirstOrDefault(s => s.Id == matchId) : null;

    public async Task<Activity> MarkWantMetAsync(Caller caller, long wantSeq)
    {
        caller.RequireSignedIn("mark a want met");
        var want = await GrainFactory.GetNetwork(Slug).GetActivityAsync(caller, wantSeq)
            ?? throw new HubException(ErrorCodes.ActivityNotFound, "There is no such activity, or it is not yours to see.", "activityId");
        if (!caller.ActsFor(want.AuthorId))
        {
            throw caller.Forbidden("Only the organisation that posted a want marks it met.");
        }

        if (want.Kind != ActivityKind.Want)
        {
            throw new HubException(ErrorCodes.InvalidValue, "Only a WANT can be marked met.", "activityId");
        }

        if (state.State.MetWants.Contains(wantSeq))
        {
            return want;
        }

        state.State.MetWants.Add(wantSeq);
        if (state.State.MetWants.Count > MaxMetRemembered)
        {
            state.State.MetWants.RemoveAt(0);
        }

        state.State.WantsMet++;
        state.State.Suggestions.RemoveAll(s => s.Want.Seq == wantSeq && s.Want.Network == Slug);
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return want;
    }

    public Task<int> GetWantsMetAsync() => Task.FromResult(state.State.WantsMet);

    /// <summary>
    /// Adds <paramref name="found"/> (replacing the same pairs), keeps the best <see cref="OffersPerWant"/> for each want and
    /// the best <see cref="MaxSuggestions"/> overall, and writes; nothing when nothing was found.
    /// </summary>
    private async Task KeepAsync(List<MatchSuggestion> found)
    {
        if (found.Count == 0)
        {
            return;
        }

        var ids = found.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var perWant = Best(state.State.Suggestions.Where(s => !ids.Contains(s.Id)).Concat(found))
            .GroupBy(s => s.Want)
            .SelectMany(want => want.Take(OffersPerWant));
        state.State.Suggestions = [.. Best(perWant).Take(MaxSuggestions)];
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    /// <summary>Best first: by score, then the newest suggestion, then by id, so the order is total.</summary>
    private static IOrderedEnumerable<MatchSuggestion> Best(IEnumerable<MatchSuggestion> suggestions) =>
        suggestions.OrderByDescending(s => s.Score).ThenByDescending(s => s.SuggestedAt).ThenBy(s => s.Id, StringComparer.Ordinal);

    /// <summary>The suggestion that <paramref name="offer"/> meets <paramref name="want"/>, or null: never an organisation's own, never with score 0.</summary>
    private static MatchSuggestion? Suggest(Activity want, Activity offer, DateTimeOffset now)
    {
        var score = offer.AuthorId == want.AuthorId ? 0 : Score(want, offer);
        if (score <= 0)
        {
            return null;
        }

        var (wantRef, offerRef) = (new ActivityRef(want.OriginNetwork, want.Seq), new ActivityRef(offer.OriginNetwork, offer.Seq));
        return new MatchSuggestion(MatchSuggestion.IdOf(wantRef, offerRef), wantRef, want.AuthorId, offerRef, offer.AuthorId, score, now);
    }

    /// <summary>The score of <paramref name="offer"/> for <paramref name="want"/>; 0 when it does not meet it.</summary>
    public static double Score(Activity want, Activity offer)
    {
        var common = want.Themes.Intersect(offer.Themes, StringComparer.Ordinal).Count();
        if (common == 0)
        {
            return 0;
        }

        var overlap = (double)common / want.Themes.Union(offer.Themes, StringComparer.Ordinal).Count();
        if (want.Place is { Lat: { } lat, Lon: { } lon } && offer.Place is { Lat: { } offerLat, Lon: { } offerLon })
        {
            var distance = Place.DistanceKm(lat, lon, offerLat, offerLon);
            return distance > RadiusKm ? 0 : Math.Round(overlap * (1 - (distance / (2 * RadiusKm))), 3);
        }

        return Math.Round(overlap * 0.75, 3);
    }

    private Task<bool> IsCoordinatorAsync(Caller caller) => GrainFactory.IsCoordinatorAsync(caller, Slug);
}
