using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Api.Tests.Hub;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Introductions;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>
/// A fresh little world for one cell of the authorization matrix, built through the grains: network N (two
/// coordinators) with member organisation A (two people) and a members-only post; network O with its own coordinator,
/// actively linked with N; network P, which has proposed a link to N; network Q, unlinked; network R, linked with N
/// and suspended by N; organisation B (not a
/// member of N) with a request waiting to join N. A has posted a members-only and a public item in N. Rows about
/// introductions and matching add organisation C, a member of N, and what they need between A and C.
/// </summary>
public sealed class MatrixWorld
{
    private MatrixWorld(string tag) => Tag = tag;

    public string Tag { get; }

    public string N => $"n-{Tag}";

    public string O => $"o-{Tag}";

    public string CoordinatorN => $"coord-n-{Tag}";

    public string SecondCoordinatorN => $"coord-n2-{Tag}";

    public string CoordinatorO => $"coord-o-{Tag}";

    public string P => $"p-{Tag}";

    public string Q => $"q-{Tag}";

    public string R => $"r-{Tag}";

    public string PersonA => $"person-a-{Tag}";

    public string SecondPersonA => $"person-a2-{Tag}";

    public string PersonB => $"person-b-{Tag}";

    /// <summary>The person of organisation C (added by <see cref="AddCAsync"/>); not a column of the matrix.</summary>
    public string PersonC => $"person-c-{Tag}";

    public string Developer => $"dev-{Tag}";

    public string National => $"national-{Tag}";

    public string Admin => $"admin-{Tag}";

    public string A { get; private set; } = "";

    public string B { get; private set; } = "";

    /// <summary>Organisation C, a member of N, added by <see cref="AddCAsync"/> for introductions between A and C.</summary>
    public string C { get; private set; } = "";

    /// <summary>The introduction a row arranged (<see cref="IntroduceAsync"/>, <see cref="MatchAsync"/>).</summary>
    public string Introduction { get; private set; } = "";

    /// <summary>A's members-only want in N (<see cref="PostWantAsync"/>).</summary>
    public Activity Want { get; private set; } = null!;

    /// <summary>The id of N's suggestion that C's offer meets A's want (<see cref="MatchAsync"/>).</summary>
    public string Match { get; private set; } = "";

    /// <summary>A's public post in N.</summary>
    public Activity PublicPost { get; private set; } = null!;

    /// <summary>The global id of A's members-only post in N.</summary>
    public string MembersOnlyActivity { get; private set; } = "";

    public static async Task<MatrixWorld> BuildAsync(IGrainFactory grains)
    {
        var world = new MatrixWorld(Guid.NewGuid().ToString("N")[..12]);
        var admin = new Caller(world.Admin, HubRoles.Admin, []);
        await grains.GetNetwork(world.N).CreateAsync(admin, new CreateNetwork("N", "North East", "N's charter", [world.CoordinatorN, world.SecondCoordinatorN], null));
        await grains.GetNetwork(world.O).CreateAsync(admin, new CreateNetwork("O", "Wales", null, [world.CoordinatorO], null));
        await grains.GetNetwork(world.P).CreateAsync(admin, new CreateNetwork("P", "Wales", null, [$"coord-p-{world.Tag}"], null));
        await grains.GetNetwork(world.Q).CreateAsync(admin, new CreateNetwork("Q", "Wales", null, [$"coord-q-{world.Tag}"], null));
        await grains.GetNetwork(world.R).CreateAsync(admin, new CreateNetwork("R", "Wales", null, [$"coord-r-{world.Tag}"], null));
        var coordinatorN = await grains.SignInAsync(world.CoordinatorN);
        await grains.GetNetwork(world.O).ProposeLinkAsync(await grains.SignInAsync(world.CoordinatorO), world.N, [ActivityKind.Story]);
        await grains.GetNetwork(world.P).ProposeLinkAsync(await grains.SignInAsync($"coord-p-{world.Tag}"), world.N, [ActivityKind.Offer]);
        await grains.GetNetwork(world.R).ProposeLinkAsync(await grains.SignInAsync($"coord-r-{world.Tag}"), world.N, [ActivityKind.Offer]);
        await Eventually.TrueAsync(async () => await world.LinksOfNAsync(grains) == $"{world.O}:Proposed,{world.P}:Proposed,{world.R}:Proposed");
        await grains.GetNetwork(world.N).AcceptLinkAsync(coordinatorN, world.O, [ActivityKind.Story]);
        await grains.GetNetwork(world.N).AcceptLinkAsync(coordinatorN, world.R, [ActivityKind.Story]);
        await grains.GetNetwork(world.N).SuspendLinkAsync(coordinatorN, world.R);
        world.A = HubIds.OrganisationPrefix + Ulid.NewUlid();
        world.B = HubIds.OrganisationPrefix + Ulid.NewUlid();
        await grains.GetOrganisation(world.A).RegisterAsync(
            new Caller(world.PersonA, HubRoles.None, []), new RegisterOrganisation("A", "CHARITY", null, null, null, null, new Contact("a@example.org", null, null), null));
        await grains.GetOrganisation(world.B).RegisterAsync(
            new Caller(world.PersonB, HubRoles.None, []), new RegisterOrganisation("B", "COMMUNITY_GROUP", null, null, null, null, new Contact("b@example.org", null, null), null));
        var personA = await grains.SignInAsync(world.PersonA);
        await grains.GetOrganisation(world.A).AddPersonAsync(personA, world.SecondPersonA);
        await grains.GetOrganisation(world.A).JoinNetworkAsync(personA, world.N, null);
        await grains.GetNetwork(world.N).ApproveJoinAsync(await grains.SignInAsync(world.CoordinatorN), world.A);
        await grains.GetOrganisation(world.B).JoinNetworkAsync(await grains.SignInAsync(world.PersonB), world.N, "Please");
        var post = await grains.GetNetwork(world.N).PostAsync(personA, world.A, new PostActivity(ActivityKind.Story, "Members only", "", null, null, null, Visibility.Network, null));
        world.MembersOnlyActivity = ActivityIds.GlobalIdOf(post);
        world.PublicPost = await grains.GetNetwork(world.N).PostAsync(personA, world.A, new PostActivity(ActivityKind.Story, "Public news", "", null, null, null, Visibility.Public, null));
        return world;
    }

    /// <summary>Adds organisation C (with its person, <see cref="PersonC"/>) as a member of N, and waits until A and C know they are members.</summary>
    public async Task AddCAsync(IGrainFactory grains)
    {
        C = HubIds.OrganisationPrefix + Ulid.NewUlid();
        var personC = new Caller(PersonC, HubRoles.None, []);
        await grains.GetOrganisation(C).RegisterAsync(personC, new RegisterOrganisation("C", "CHARITY", null, null, null, null, new Contact("c@example.org", null, null), null));
        await grains.GetOrganisation(C).JoinNetworkAsync(await grains.SignInAsync(PersonC), N, null);
        await grains.GetNetwork(N).ApproveJoinAsync(await grains.SignInAsync(CoordinatorN), C);

        // The network tells each organisation of its approval by a one-way message; introductions read the organisation's own record.
        foreach (var organisation in new[] { A, C })
        {
            await Eventually.TrueAsync(async () => (await grains.GetOrganisation(organisation).GetProfileAsync())!.Networks.Contains(N));
        }
    }

    /// <summary>
    /// Adds C and an introduction between A and C (<see cref="Introduction"/>): brokered by N's coordinator, or asked for by
    /// A itself; connected when <paramref name="connected"/> (both said yes).
    /// </summary>
    public async Task IntroduceAsync(IGrainFactory grains, bool brokered, bool connected = false)
    {
        await AddCAsync(grains);
        Introduction = HubIds.IntroductionPrefix + Ulid.NewUlid();
        var introduction = grains.GetIntroduction(Introduction);
        var personA = await grains.SignInAsync(PersonA);
        await introduction.RequestAsync(
            brokered ? await grains.SignInAsync(CoordinatorN) : personA, new RequestIntroduction(A, C, "Food and vans.", brokered ? N : null, null, null));
        if (connected)
        {
            await introduction.RespondAsync(personA, null, accept: true);
            await introduction.RespondAsync(await grains.SignInAsync(PersonC), null, accept: true);
        }
    }

    /// <summary>A posts a members-only want in N (<see cref="Want"/>).</summary>
    public async Task PostWantAsync(IGrainFactory grains) =>
        Want = await grains.GetNetwork(N).PostAsync(
            await grains.SignInAsync(PersonA), A, new PostActivity(ActivityKind.Want, "Somewhere to meet", "", ["space"], null, null, Visibility.Network, null));

    /// <summary>Adds C, which offers a room in N, then A's want for one; waits until N suggests the match (<see cref="Match"/>).</summary>
    public async Task MatchAsync(IGrainFactory grains)
    {
        await AddCAsync(grains);
        await grains.GetNetwork(N).PostAsync(
            await grains.SignInAsync(PersonC), C, new PostActivity(ActivityKind.Offer, "A room on Tuesdays", "", ["space"], null, null, Visibility.Network, null));
        await PostWantAsync(grains);
        var coordinator = await grains.SignInAsync(CoordinatorN);
        await Eventually.TrueAsync(async () => (await grains.GetMatches(N).GetPageAsync(coordinator, 0, 10))!.Items.Count == 1);
        Match = (await grains.GetMatches(N).GetPageAsync(coordinator, 0, 10))!.Items[0].Id;
    }

    /// <summary>N's links as its coordinator sees them, e.g. <c>o-…:Active,p-…:Proposed</c>.</summary>
    public async Task<string> LinksOfNAsync(IGrainFactory grains) =>
        string.Join(",", (await grains.GetNetwork(N).GetLinksAsync(await grains.SignInAsync(CoordinatorN), null)).Select(l => $"{l.Peer}:{l.State}"));

    /// <summary>A client for one column of the matrix.</summary>
    public HubClient ClientFor(HubHost hub, MatrixCaller caller) => caller switch
    {
        MatrixCaller.Anonymous => hub.Anonymous,
        MatrixCaller.Developer => hub.As(Developer),
        MatrixCaller.Admin => hub.As(Admin, HubRoles.Admin),
        MatrixCaller.NationalViewer => hub.As(National, HubRoles.NationalViewer),
        MatrixCaller.Coordinator => hub.As(CoordinatorN),
        MatrixCaller.OtherCoordinator => hub.As(CoordinatorO),
        MatrixCaller.MemberPerson => hub.As(PersonA),
        MatrixCaller.OtherOrganisationPerson => hub.As(PersonB),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };
}

/// <summary>The columns of the authorization matrix: who calls.</summary>
public enum MatrixCaller
{
    /// <summary>No token.</summary>
    Anonymous,

    /// <summary>A valid token for someone with no role and no organisation: a developer reading public data.</summary>
    Developer,

    /// <summary>A hub admin.</summary>
    Admin,

    /// <summary>A national viewer.</summary>
    NationalViewer,

    /// <summary>A coordinator of network N.</summary>
    Coordinator,

    /// <summary>A coordinator of another network, O: a token for the wrong network.</summary>
    OtherCoordinator,

    /// <summary>A person of organisation A, a member of N.</summary>
    MemberPerson,

    /// <summary>A person of organisation B, which is not a member of N: a token for the wrong organisation.</summary>
    OtherOrganisationPerson,
}
