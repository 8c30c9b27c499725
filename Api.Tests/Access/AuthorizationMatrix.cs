using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Api.Introductions;
using OurSociety.Federation.Api.Matching;
using OurSociety.Federation.Common;
using static OurSociety.Federation.Api.Tests.Access.MatrixCaller;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>
/// The one table the authorization matrix test is generated from: every mutation and every private read, and who may.
/// </summary>
public static class AuthorizationMatrix
{
    private const string NetworkQuery = "query($slug: String!) { network(slug: $slug) { ";
    private const string OrganisationQuery = "query($id: ID!) { organisation(id: $id) { ";

    public static MatrixRow[] Rows { get; } =
    [
        Mutation("createNetwork", [Admin],
            "mutation($slug: String!) { createNetwork(input: { slug: $slug, name: \"New\", region: \"Wales\", coordinators: [\"x\"] }) { network { slug } errors { code } } }",
            w => new { slug = $"new-{w.Tag}" },
            async (g, w, _) => (await g.GetNetwork($"new-{w.Tag}").GetProfileAsync())?.Name ?? "none"),
        Mutation("updateNetwork", [Coordinator],
            "mutation($slug: String!) { updateNetwork(input: { networkSlug: $slug, charter: \"Changed\" }) { network { charter } errors { code } } }",
            w => new { slug = w.N },
            async (g, w, _) => (await g.GetNetwork(w.N).GetProfileAsync())!.Charter ?? "none"),
        Mutation("addCoordinator", [Coordinator],
            "mutation($slug: String!, $subject: String!) { addCoordinator(input: { networkSlug: $slug, subject: $subject }) { network { slug } errors { code } } }",
            w => new { slug = w.N, subject = $"extra-{w.Tag}" },
            CoordinatorsOfN),
        Mutation("removeCoordinator", [Coordinator],
            "mutation($slug: String!, $subject: String!) { removeCoordinator(input: { networkSlug: $slug, subject: $subject }) { network { slug } errors { code } } }",
            w => new { slug = w.N, subject = w.SecondCoordinatorN },
            CoordinatorsOfN),
        Mutation("approveJoinRequest", [Coordinator],
            "mutation($slug: String!, $org: ID!) { approveJoinRequest(input: { networkSlug: $slug, organisationId: $org }) { network { memberCount } errors { code } } }",
            w => new { slug = w.N, org = w.B },
            async (g, w, _) => (await g.GetNetwork(w.N).GetMembershipAsync(w.B)).ToString()),
        Mutation("declineJoinRequest", [Coordinator],
            "mutation($slug: String!, $org: ID!) { declineJoinRequest(input: { networkSlug: $slug, organisationId: $org, reason: \"No\" }) { network { memberCount } errors { code } } }",
            w => new { slug = w.N, org = w.B },
            async (g, w, _) => (await g.GetNetwork(w.N).GetMembershipAsync(w.B)).ToString()),
        Mutation("removeMember", [Coordinator],
            "mutation($slug: String!, $org: ID!) { removeMember(input: { networkSlug: $slug, organisationId: $org }) { network { memberCount } errors { code } } }",
            w => new { slug = w.N, org = w.A },
            async (g, w, _) => (await g.GetNetwork(w.N).GetMembershipAsync(w.A)).ToString()),
        Mutation("registerOrganisation", [Developer, Admin, NationalViewer, Coordinator, OtherCoordinator, MemberPerson, OtherOrganisationPerson],
            "mutation { registerOrganisation(input: { name: \"New\", kind: \"CHARITY\" }) { organisation { id } errors { code } } }",
            _ => new { },
            async (g, w, caller) => SubjectOf(w, caller) is { } subject ? (await g.GetSubject(subject).GetScopesAsync()).Organisations.Count.ToString() : "no subject"),
        Mutation("updateOrganisation", [MemberPerson],
            "mutation($org: ID!) { updateOrganisation(input: { organisationId: $org, name: \"Renamed\" }) { organisation { name } errors { code } } }",
            w => new { org = w.A },
            async (g, w, _) => (await g.GetOrganisation(w.A).GetProfileAsync())!.Name),
        Mutation("addOrganisationPerson", [MemberPerson],
            "mutation($org: ID!, $subject: String!) { addOrganisationPerson(input: { organisationId: $org, subject: $subject }) { organisation { id } errors { code } } }",
            w => new { org = w.A, subject = $"extra-{w.Tag}" },
            PeopleOfA),
        Mutation("removeOrganisationPerson", [MemberPerson],
            "mutation($org: ID!, $subject: String!) { removeOrganisationPerson(input: { organisationId: $org, subject: $subject }) { organisation { id } errors { code } } }",
            w => new { org = w.A, subject = w.SecondPersonA },
            PeopleOfA),
        Mutation("joinNetwork", [MemberPerson],
            "mutation($org: ID!, $slug: String!) { joinNetwork(input: { organisationId: $org, networkSlug: $slug }) { status errors { code } } }",
            w => new { org = w.A, slug = w.O },
            async (g, w, _) => (await g.GetNetwork(w.O).GetMembershipAsync(w.A)).ToString()),
        Mutation("leaveNetwork", [MemberPerson],
            "mutation($org: ID!, $slug: String!) { leaveNetwork(input: { organisationId: $org, networkSlug: $slug }) { organisation { id } errors { code } } }",
            w => new { org = w.A, slug = w.N },
            async (g, w, _) => (await g.GetNetwork(w.N).GetMembershipAsync(w.A)).ToString()),
        Mutation("postActivity", [MemberPerson],
            "mutation($org: ID!, $slug: String!) { postActivity(input: { organisationId: $org, networkSlug: $slug, kind: STORY, title: \"Hello\" }) { activity { id } errors { code } } }",
            w => new { org = w.A, slug = w.N },
            async (g, w, _) => $"{(await g.GetNetwork(w.N).GetFeedAsync(await g.SignInAsync(w.PersonA), new Federation.Feeds.FeedQuery(null, 10, null, Federation.Feeds.FeedAudience.Public))).TotalCount}"),
        Mutation("labelActivity", [MemberPerson],
            "mutation($id: ID!) { labelActivity(input: { activityId: $id, labels: [\"campaign\"] }) { activity { labels } errors { code } } }",
            w => new { id = ActivityIds.GlobalIdOf(w.PublicPost) },
            async (g, w, _) => string.Join(",", (await g.GetNetwork(w.N).GetActivityAsync(Caller.Anonymous, w.PublicPost.Seq))!.Labels)),
        Mutation("proposeLink", [Coordinator],
            "mutation($slug: String!, $to: String!) { proposeLink(input: { networkSlug: $slug, toNetworkSlug: $to, sharedKinds: [EVENT] }) { link { state } errors { code } } }",
            w => new { slug = w.N, to = w.Q },
            LinksOfN),
        Mutation("acceptLink", [Coordinator],
            "mutation($slug: String!, $from: String!) { acceptLink(input: { networkSlug: $slug, fromNetworkSlug: $from, sharedKinds: [EVENT] }) { link { state } errors { code } } }",
            w => new { slug = w.N, from = w.P },
            LinksOfN),
        Mutation("setLinkSharing", [Coordinator],
            "mutation($slug: String!, $other: String!) { setLinkSharing(input: { networkSlug: $slug, otherNetworkSlug: $other, sharedKinds: [EVENT] }) { link { state } errors { code } } }",
            w => new { slug = w.N, other = w.O },
            async (g, w, _) => string.Join(",", (await g.GetNetwork(w.N).GetLinksAsync(await g.SignInAsync(w.CoordinatorN), null)).Single(l => l.Peer == w.O).Shares)),
        Mutation("suspendLink", [Coordinator],
            "mutation($slug: String!, $other: String!) { suspendLink(input: { networkSlug: $slug, otherNetworkSlug: $other }) { link { state } errors { code } } }",
            w => new { slug = w.N, other = w.O },
            LinksOfN),
        Mutation("resumeLink", [Coordinator],
            "mutation($slug: String!, $other: String!) { resumeLink(input: { networkSlug: $slug, otherNetworkSlug: $other }) { link { state } errors { code } } }",
            w => new { slug = w.N, other = w.R },
            LinksOfN),
        Mutation("setNationalStatistics", [Coordinator],
            "mutation($slug: String!) { setNationalStatistics(input: { networkSlug: $slug, optIn: true }) { network { nationalStatistics } errors { code } } }",
            w => new { slug = w.N },
            async (g, w, _) => (await g.GetNetwork(w.N).GetProfileAsync())!.NationalStatistics ? "opted in" : "not opted in"),
        Mutation("endLink", [Coordinator],
            "mutation($slug: String!, $other: String!) { endLink(input: { networkSlug: $slug, otherNetworkSlug: $other }) { link { state } errors { code } } }",
            w => new { slug = w.N, other = w.O },
            LinksOfN),
        Mutation("requestIntroduction (brokered)", [Coordinator],
            "mutation($a: ID!, $b: ID!, $slug: String!) { requestIntroduction(input: { a: $a, b: $b, reason: \"Meet\", brokerNetworkSlug: $slug }) { introduction { id } errors { code } } }",
            w => new { a = w.A, b = w.C, slug = w.N },
            IntroductionsOfC) with { Arrange = (g, w) => w.AddCAsync(g) },
        Mutation("requestIntroduction (for its own organisation)", [MemberPerson],
            "mutation($a: ID!, $b: ID!) { requestIntroduction(input: { a: $a, b: $b, reason: \"Meet\" }) { introduction { id } errors { code } } }",
            w => new { a = w.A, b = w.C },
            IntroductionsOfC) with { Arrange = (g, w) => w.AddCAsync(g) },
        Mutation("respondToIntroduction", [MemberPerson],
            "mutation($id: ID!) { respondToIntroduction(input: { introductionId: $id, accept: true }) { introduction { state } errors { code } } }",
            w => new { id = w.Introduction },
            StateOfIntroduction) with { Arrange = (g, w) => w.IntroduceAsync(g, brokered: true), Refused = NotFoundButFor(Coordinator) },
        Mutation("withdrawIntroduction (brokered)", [Coordinator],
            "mutation($id: ID!) { withdrawIntroduction(input: { introductionId: $id }) { introduction { state } errors { code } } }",
            w => new { id = w.Introduction },
            StateOfIntroduction) with { Arrange = (g, w) => w.IntroduceAsync(g, brokered: true), Refused = NotFoundButFor(MemberPerson) },
        Mutation("withdrawIntroduction (asked for by its organisation)", [MemberPerson],
            "mutation($id: ID!) { withdrawIntroduction(input: { introductionId: $id }) { introduction { state } errors { code } } }",
            w => new { id = w.Introduction },
            StateOfIntroduction) with { Arrange = (g, w) => w.IntroduceAsync(g, brokered: false), Refused = NotFoundButFor() },
        Mutation("answerIntroductionCheckIn", [MemberPerson],
            "mutation($id: ID!) { answerIntroductionCheckIn(input: { introductionId: $id, met: true }) { introduction { met } errors { code } } }",
            w => new { id = w.Introduction },
            StateOfIntroduction) with { Arrange = (g, w) => w.IntroduceAsync(g, brokered: true, connected: true), Refused = NotFoundButFor(Coordinator) },
        Mutation("setIntroductionPreferences", [MemberPerson],
            "mutation($org: ID!, $block: ID!) { setIntroductionPreferences(input: { organisationId: $org, open: false, block: [$block] }) { preferences { open } errors { code } } }",
            w => new { org = w.A, block = w.B },
            async (g, w, _) => (await g.GetInbox(w.A).GetPreferencesAsync(await g.SignInAsync(w.PersonA))) is { } p ? $"{p.Open}:{string.Join(",", p.Blocked)}" : "none"),
        Mutation("introduceMatch", [Coordinator],
            "mutation($id: ID!) { introduceMatch(input: { matchId: $id }) { introduction { state } errors { code } } }",
            w => new { id = GlobalId.Encode(MatchIds.Type, w.Match) },
            IntroductionsOfC) with { Arrange = (g, w) => w.MatchAsync(g), Refused = SignedIn("MATCH_NOT_FOUND") },
        Mutation("markWantMet", [MemberPerson],
            "mutation($id: ID!) { markWantMet(input: { activityId: $id }) { activity { id } errors { code } } }",
            w => new { id = ActivityIds.GlobalIdOf(w.Want) },
            async (g, w, _) => (await g.GetMatches(w.N).GetWantsMetAsync()).ToString()) with
        {
            Arrange = (g, w) => w.PostWantAsync(g),
            Refused = new Dictionary<MatrixCaller, string>(SignedIn("ACTIVITY_NOT_FOUND")) { [Coordinator] = MatrixRow.Forbidden },
        },

        Read("Network.links (proposals)", [Coordinator], NetworkQuery + "links(state: PROPOSED) { state } } }", w => new { slug = w.N },
            b => b["data"]!["network"]!["links"]!.AsArray().FirstOrDefault()),
        Read("Network.joinRequests", [Coordinator], NetworkQuery + "joinRequests { totalCount } } }", w => new { slug = w.N }, b => b["data"]!["network"]!["joinRequests"]),
        Read("Network.auditTrail", [Coordinator, MemberPerson], NetworkQuery + "auditTrail { totalCount } } }", w => new { slug = w.N }, b => b["data"]!["network"]!["auditTrail"]),
        Read("Network.coordinators", [Coordinator, MemberPerson], NetworkQuery + "coordinators } }", w => new { slug = w.N }, b => b["data"]!["network"]!["coordinators"]),
        Read("Network.feed (NETWORK items)", [Coordinator, MemberPerson], NetworkQuery + "feed { edges { node { title } } } } }", w => new { slug = w.N },
            b => b["data"]!["network"]!["feed"]!["edges"]!.AsArray().FirstOrDefault(e => e!["node"]!["title"]!.GetValue<string>() == "Members only")),
        Read("node(id:) of a NETWORK activity", [Coordinator, MemberPerson], "query($id: ID!) { node(id: $id) { id } }", w => new { id = w.MembersOnlyActivity }, b => b["data"]!["node"]),
        Read("Organisation.contact", [MemberPerson], OrganisationQuery + "contact { email } } }", w => new { id = w.A }, b => b["data"]!["organisation"]!["contact"]),
        Read("Organisation.people", [MemberPerson], OrganisationQuery + "people } }", w => new { id = w.A }, b => b["data"]!["organisation"]!["people"]),
        Read("Organisation.pendingNetworks", [OtherOrganisationPerson], OrganisationQuery + "pendingNetworks { slug } } }", w => new { id = w.B }, b => b["data"]!["organisation"]!["pendingNetworks"]),
        Read("Organisation.introductionPreferences", [MemberPerson], OrganisationQuery + "introductionPreferences { open } } }", w => new { id = w.A },
            b => b["data"]!["organisation"]!["introductionPreferences"]),
        Read("introductions", [Coordinator, MemberPerson], "query { introductions { edges { node { id } } } }", _ => new { },
            b => b["data"]!["introductions"]!["edges"]!.AsArray().FirstOrDefault()) with { Arrange = (g, w) => w.IntroduceAsync(g, brokered: true) },
        Read("introductions(organisationId:, networkSlug:)", [Coordinator, MemberPerson],
            "query($org: ID!, $slug: String!) { introductions(organisationId: $org, networkSlug: $slug) { edges { node { id } } } }", w => new { org = w.A, slug = w.N },
            b => b["data"]!["introductions"]!["edges"]!.AsArray().FirstOrDefault()) with { Arrange = (g, w) => w.IntroduceAsync(g, brokered: true), Refused = SignedIn(MatrixRow.Forbidden) },
        Read("node(id:) of an introduction", [Coordinator, MemberPerson], "query($id: ID!) { node(id: $id) { id } }", w => new { id = IntroductionIds.GlobalIdOf(w.Introduction) },
            b => b["data"]!["node"]) with { Arrange = (g, w) => w.IntroduceAsync(g, brokered: true) },
        Read("matches", [Coordinator], "query($slug: String!) { matches(networkSlug: $slug) { edges { node { id } } } }", w => new { slug = w.N },
            b => b["data"]!["matches"]!["edges"]!.AsArray().FirstOrDefault()) with { Arrange = (g, w) => w.MatchAsync(g), Refused = SignedIn(MatrixRow.Forbidden) },
    ];

    private static MatrixRow Mutation(
        string name, MatrixCaller[] allowed, string document, Func<MatrixWorld, object> variables, Func<IGrainFactory, MatrixWorld, MatrixCaller, Task<string>> observe) =>
        new(name, IsMutation: true, allowed, document, variables, _ => null, observe);

    /// <summary>A private read; what it would change is the network's audit trail, which must stay as it was.</summary>
    private static MatrixRow Read(string name, MatrixCaller[] allowed, string document, Func<MatrixWorld, object> variables, Func<System.Text.Json.Nodes.JsonNode, System.Text.Json.Nodes.JsonNode?> answer) =>
        new(name, IsMutation: false, allowed, document, variables, answer,
            async (g, w, _) => (await g.GetNetwork(w.N).GetAuditTrailAsync(await g.SignInAsync(w.CoordinatorN), null, 1))!.TotalCount.ToString());

    /// <summary>Every signed-in caller gets <paramref name="code"/> (the anonymous get what the row's kind gives them).</summary>
    private static Dictionary<MatrixCaller, string> SignedIn(string code) =>
        Enum.GetValues<MatrixCaller>().Where(c => c != Anonymous).ToDictionary(c => c, _ => code);

    /// <summary>
    /// Whoever may not see the introduction is told it does not exist; <paramref name="seeing"/>, who may see it but not
    /// do this, are FORBIDDEN.
    /// </summary>
    private static Dictionary<MatrixCaller, string> NotFoundButFor(params MatrixCaller[] seeing) =>
        Enum.GetValues<MatrixCaller>().Where(c => c != Anonymous).ToDictionary(c => c, c => seeing.Contains(c) ? MatrixRow.Forbidden : "INTRODUCTION_NOT_FOUND");

    private static async Task<string> IntroductionsOfC(IGrainFactory grains, MatrixWorld world, MatrixCaller _) =>
        $"{(await grains.GetInbox(world.C).GetPageAsync(await grains.SignInAsync(world.PersonC), null, 100, null))!.TotalCount}";

    private static async Task<string> StateOfIntroduction(IGrainFactory grains, MatrixWorld world, MatrixCaller _) =>
        (await grains.GetIntroduction(world.Introduction).GetBrokerViewAsync()) is { } view ? $"{view.State} v{view.Version} met {view.Met}" : "none";

    private static Task<string> LinksOfN(IGrainFactory grains, MatrixWorld world, MatrixCaller _) => world.LinksOfNAsync(grains);

    private static async Task<string> CoordinatorsOfN(IGrainFactory grains, MatrixWorld world, MatrixCaller _) =>
        string.Join(",", (await grains.GetNetwork(world.N).GetCoordinatorsAsync(await grains.SignInAsync(world.CoordinatorN)))!);

    private static async Task<string> PeopleOfA(IGrainFactory grains, MatrixWorld world, MatrixCaller _) =>
        string.Join(",", (await grains.GetOrganisation(world.A).GetPrivateAsync(await grains.SignInAsync(world.PersonA)))!.People);

    private static string? SubjectOf(MatrixWorld world, MatrixCaller caller) => caller switch
    {
        Developer => world.Developer,
        MatrixCaller.Admin => world.Admin,
        NationalViewer => world.National,
        Coordinator => world.CoordinatorN,
        OtherCoordinator => world.CoordinatorO,
        MemberPerson => world.PersonA,
        OtherOrganisationPerson => world.PersonB,
        _ => null,
    };

}
