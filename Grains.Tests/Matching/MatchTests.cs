using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Grains.Tests.Introductions;
using OurSociety.Federation.Introductions;
using OurSociety.Federation.Matching;

namespace OurSociety.Federation.Grains.Tests.Matching;

[Collection(ClusterCollection.Name)]
public sealed class MatchTests(ClusterFixture fixture)
{
    private static readonly Place _gateshead = new("Gateshead", 54.95, -1.60, null);
    private static readonly Place _newcastle = new("Newcastle", 54.97, -1.61, null);
    private static readonly Place _london = new("London", 51.51, -0.13, null);

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_want_is_met_by_the_offers_its_organisation_may_see_best_first_and_nothing_else()
    {
        // North and West are linked and share offers; East is linked to nobody. A and C are in North, B in West, D in East.
        var w = await WorldAsync();
        var near = await Offer(w.North, w.C.Id, "Van in Newcastle", ["food", "transport"], _newcastle);
        var linked = await Offer(w.West, w.B.Id, "Drivers in West", ["food"], null, Visibility.Linked);
        await Offer(w.West, w.B.Id, "West members only", ["food"], null, Visibility.Network);
        await Offer(w.North, w.C.Id, "Too far away", ["food"], _london);
        await Offer(w.North, w.C.Id, "Other themes", ["housing"], null);
        await Offer(w.North, w.A.Id, "A's own offer", ["food"], null);
        await Offer(w.East, w.D.Id, "Unlinked network", ["food"], null, Visibility.Public);

        var want = await PostAs(w.North, w.A.Id, Post("Drivers for Saturday", ActivityKind.Want, ["food", "transport"], _gateshead));

        var page = await Eventually.EqualAsync(2, async () => (await _grains.GetMatches(w.North).GetPageAsync(w.NorthCoordinator, 0, 20))?.Items.Count ?? 0);
        var matches = (await _grains.GetMatches(w.North).GetPageAsync(w.NorthCoordinator, 0, 20))!.Items;
        Assert.Equal([(near.Seq, w.North), (linked.Seq, w.West)], matches.Select(m => (m.Offer.Seq, m.Offer.Network)));
        Assert.All(matches, m => Assert.Equal((want.Seq, w.A.Id), (m.Want.Seq, m.WantAuthor)));
        Assert.True(matches[0].Score > matches[1].Score);
        Assert.Equal(2, page);

        // Only the network's coordinators read its suggestions.
        Assert.Null(await _grains.GetMatches(w.North).GetPageAsync(w.PersonA, 0, 20));
        Assert.Null(await _grains.GetMatches(w.North).GetPageAsync(w.WestCoordinator, 0, 20));
        Assert.Null(await _grains.GetMatches(w.North).GetPageAsync(Caller.Anonymous, 0, 20));
    }

    [Fact]
    public async Task An_offer_posted_after_a_want_meets_the_open_wants_whose_organisations_may_see_it_scored_as_from_the_want()
    {
        // North and West are linked and share offers; East is linked to nobody. A and C are in North, B in West, D in East.
        var w = await WorldAsync();
        var wantA = await PostAs(w.North, w.A.Id, Post("Drivers for Saturday", ActivityKind.Want, ["food", "transport"], _gateshead));
        var wantB = await PostAs(w.West, w.B.Id, Post("Food for West", ActivityKind.Want, ["food"], null));
        var met = await PostAs(w.North, w.A.Id, Post("Already met", ActivityKind.Want, ["food"], null));
        await _grains.GetMatches(w.North).MarkWantMetAsync(w.PersonA, met.Seq);
        await PostAs(w.North, w.C.Id, Post("C's own want", ActivityKind.Want, ["food"], null));
        await PostAs(w.East, w.D.Id, Post("Food for East", ActivityKind.Want, ["food"], null, Visibility.Public));

        await Offer(w.North, w.C.Id, "Too far away", ["food"], _london, Visibility.Network);
        await Offer(w.North, w.C.Id, "Other themes", ["housing"], null, Visibility.Linked);
        var members = await Offer(w.North, w.C.Id, "Van in Newcastle", ["food", "transport"], _newcastle, Visibility.Network);
        var linked = await Offer(w.North, w.C.Id, "Drivers for the linked", ["food"], null, Visibility.Linked);

        var north = await Eventually.EqualAsync(2, async () => (await _grains.GetMatches(w.North).GetPageAsync(w.NorthCoordinator, 0, 20))!.Items.Count);
        var inNorth = (await _grains.GetMatches(w.North).GetPageAsync(w.NorthCoordinator, 0, 20))!.Items;
        Assert.Equal(
            [(wantA.Seq, w.A.Id, members.Seq, w.C.Id, MatchGrain.Score(wantA, members)), (wantA.Seq, w.A.Id, linked.Seq, w.C.Id, MatchGrain.Score(wantA, linked))],
            inNorth.Select(m => (m.Want.Seq, m.WantAuthor, m.Offer.Seq, m.OfferAuthor, m.Score)));
        Assert.All(inNorth, m => Assert.Equal((w.North, w.North), (m.Want.Network, m.Offer.Network)));
        await Eventually.EqualAsync(1, async () => (await _grains.GetMatches(w.West).GetPageAsync(w.WestCoordinator, 0, 20))!.Items.Count);
        var inWest = Assert.Single((await _grains.GetMatches(w.West).GetPageAsync(w.WestCoordinator, 0, 20))!.Items);
        Assert.Equal((new ActivityRef(w.West, wantB.Seq), new ActivityRef(w.North, linked.Seq), MatchGrain.Score(wantB, linked)), (inWest.Want, inWest.Offer, inWest.Score));
        Assert.Empty((await _grains.GetMatches(w.East).GetPageAsync(await new Given(_grains).CoordinatorAsync(w.East), 0, 20))!.Items);
        Assert.Equal(2, north);
    }

    [Fact]
    public async Task Only_the_wants_own_organisation_marks_it_met_which_removes_its_suggestions_and_counts_once()
    {
        var w = await WorldAsync();
        await Offer(w.North, w.C.Id, "Van", ["food"], null);
        var want = await PostAs(w.North, w.A.Id, Post("Drivers", ActivityKind.Want, ["food"], null));
        await Eventually.EqualAsync(1, async () => (await _grains.GetMatches(w.North).GetPageAsync(w.NorthCoordinator, 0, 20))!.Items.Count);
        var matches = _grains.GetMatches(w.North);

        Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<HubException>(() => matches.MarkWantMetAsync(w.PersonC, want.Seq))).Code);
        Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<HubException>(() => matches.MarkWantMetAsync(w.NorthCoordinator, want.Seq))).Code);
        Assert.Equal(ErrorCodes.ActivityNotFound, (await Assert.ThrowsAsync<HubException>(() => matches.MarkWantMetAsync(w.PersonA, 999))).Code);
        var story = await PostAs(w.North, w.A.Id, Post("A story", ActivityKind.Story, ["food"], null));
        Assert.Equal(ErrorCodes.InvalidValue, (await Assert.ThrowsAsync<HubException>(() => matches.MarkWantMetAsync(w.PersonA, story.Seq))).Code);
        Assert.Equal(0, await matches.GetWantsMetAsync());

        await matches.MarkWantMetAsync(w.PersonA, want.Seq);
        await matches.MarkWantMetAsync(w.PersonA, want.Seq);

        Assert.Equal(1, await matches.GetWantsMetAsync());
        Assert.Empty((await matches.GetPageAsync(w.NorthCoordinator, 0, 20))!.Items);
    }

    [Fact]
    public void Score_is_the_share_of_themes_in_common_weighted_by_distance_when_both_have_a_place()
    {
        var want = Activity("want", ["food", "transport"], _gateshead);

        Assert.Equal(0.75 * 0.5, MatchGrain.Score(want, Activity("a", ["food"], null)));
        Assert.Equal(1 * (1 - (Place.DistanceKm(54.95, -1.60, 54.97, -1.61) / 100)), MatchGrain.Score(want, Activity("b", ["food", "transport"], _newcastle)), 3);
        Assert.Equal(0, MatchGrain.Score(want, Activity("c", ["food"], _london)));
        Assert.Equal(0, MatchGrain.Score(want, Activity("d", ["housing"], null)));
    }

    private IntroductionWorld _world = null!;

    private async Task<IntroductionWorld> WorldAsync() => _world = await IntroductionWorld.CreateAsync(_grains);

    private Task<Activity> Offer(string slug, string org, string title, string[] themes, Place? place, Visibility visibility = Visibility.Linked) =>
        PostAs(slug, org, Post(title, ActivityKind.Offer, themes, place, visibility));

    /// <summary>Posts as the person who acts for <paramref name="org"/> in the world.</summary>
    private async Task<Activity> PostAs(string slug, string org, PostActivity post)
    {
        var w = _world;
        var person = org == w.A.Id ? w.PersonA : org == w.B.Id ? w.PersonB : org == w.C.Id ? w.PersonC : w.PersonD;
        return await _grains.GetNetwork(slug).PostAsync(person, org, post);
    }

    private static PostActivity Post(string title, ActivityKind kind, string[] themes, Place? place, Visibility visibility = Visibility.Network) =>
        new(kind, title, "Details.", themes, [], place, visibility, null);

    private static Activity Activity(string id, string[] themes, Place? place) =>
        new(id, 0, "net", "org", ActivityKind.Offer, id, string.Empty, themes, [], place, Visibility.Public, DateTimeOffset.UnixEpoch);
}
