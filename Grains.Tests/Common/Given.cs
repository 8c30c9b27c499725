using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Grains.Tests.Common;

/// <summary>Builds the world a test needs with unique keys, through the same grain calls a client makes.</summary>
public sealed class Given(IGrainFactory grains)
{
    public static string UniqueSlug(string stem = "net") => $"{stem}-{Guid.NewGuid():N}";

    public async Task<NetworkProfile> NetworkAsync(string? slug = null, string region = "North East") =>
        await grains.GetNetwork(slug ?? UniqueSlug()).CreateAsync(Caller.Anonymous, new CreateNetwork("A network", region, "Be kind.", null, null));

    public async Task<OrganisationProfile> OrganisationAsync(string name = "Gateshead Food Bank", Contact? contact = null)
    {
        var id = HubIds.OrganisationPrefix + Ulid.NewUlid();
        return await grains.GetOrganisation(id).RegisterAsync(
            Caller.Anonymous, new RegisterOrganisation(name, "CHARITY", "GB-CHC-1234567", null, null, ["food"], contact, null));
    }

    public async Task<(NetworkProfile Network, OrganisationProfile Member)> MemberAsync()
    {
        var network = await NetworkAsync();
        var organisation = await OrganisationAsync();
        await grains.GetOrganisation(organisation.Id).JoinNetworkAsync(Caller.ForOrganisation(organisation.Id), network.Slug);
        return (network, organisation);
    }

    public static PostActivity Post(string title = "Soup on Saturdays", Visibility visibility = Visibility.Public, ActivityKind kind = ActivityKind.Story, string? requestId = null) =>
        new(kind, title, "We cook, you come.", ["food"], [], null, visibility, requestId);
}
