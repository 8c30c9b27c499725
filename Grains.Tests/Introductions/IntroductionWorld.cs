using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Introductions;
using OurSociety.Federation.Networks.Links;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Grains.Tests.Introductions;

/// <summary>
/// Two linked networks (North and West) and one linked to nobody (East); organisation A is in North, B in West, C in
/// North and D in East, each with contact details; North's coordinator brokers.
/// </summary>
public sealed record IntroductionWorld(
    string North, string West, string East,
    OrganisationProfile A, OrganisationProfile B, OrganisationProfile C, OrganisationProfile D,
    Caller PersonA, Caller PersonB, Caller PersonC, Caller PersonD,
    Caller NorthCoordinator, Caller WestCoordinator)
{
    public static async Task<IntroductionWorld> CreateAsync(IGrainFactory grains)
    {
        var given = new Given(grains);
        var (north, west, east) = ((await given.NetworkAsync()).Slug, (await given.NetworkAsync()).Slug, (await given.NetworkAsync()).Slug);
        var orgs = new OrganisationProfile[4];
        string[] homes = [north, west, north, east];
        for (var i = 0; i < orgs.Length; i++)
        {
            orgs[i] = await given.OrganisationAsync($"Organisation {"ABCD"[i]}", new Contact($"hello{i}@example.org", "0191 000 000" + i, $"Person {i}"));
            await given.JoinAsync(orgs[i].Id, homes[i]);
        }

        await LinkAsync(grains, given, north, west);
        return new IntroductionWorld(
            north, west, east, orgs[0], orgs[1], orgs[2], orgs[3],
            await given.PersonAsync(orgs[0].Id), await given.PersonAsync(orgs[1].Id), await given.PersonAsync(orgs[2].Id), await given.PersonAsync(orgs[3].Id),
            await given.CoordinatorAsync(north), await given.CoordinatorAsync(west));
    }

    public static async Task LinkAsync(IGrainFactory grains, Given given, string a, string b)
    {
        await grains.GetNetwork(a).ProposeLinkAsync(await given.CoordinatorAsync(a), b, [ActivityKind.Offer, ActivityKind.Want]);
        await Eventually.EqualAsync(LinkState.Proposed, async () => (await grains.GetNetwork(b).GetLinksAsync(await given.CoordinatorAsync(b), null)).SingleOrDefault(l => l.Peer == a)?.State);
        await grains.GetNetwork(b).AcceptLinkAsync(await given.CoordinatorAsync(b), a, [ActivityKind.Offer, ActivityKind.Want]);
        await Eventually.EqualAsync(LinkState.Active, async () => (await grains.GetNetwork(a).GetLinksAsync(Caller.Anonymous, LinkState.Active)).SingleOrDefault(l => l.Peer == b)?.State);
    }

    public RequestIntroduction Brokered(string reason = "You both work on food poverty.") => new(A.Id, B.Id, reason, North, null, null);

    public static string NewId() => HubIds.IntroductionPrefix + Ulid.NewUlid();
}
