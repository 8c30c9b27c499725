using System.Collections.Concurrent;
using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Grains.Tests.Common;

/// <summary>Builds the world a test needs with unique keys, through the same grain calls a client makes.</summary>
public sealed class Given(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, string> _people = new(StringComparer.Ordinal);

    /// <summary>A hub admin, as a token would present one.</summary>
    public static Caller Admin { get; } = new("admin@hub.example", HubRoles.Admin, []);

    public static string UniqueSlug(string stem = "net") => $"{stem}-{Guid.NewGuid():N}";

    /// <summary>The subject <see cref="NetworkAsync"/> names as the network's coordinator.</summary>
    public static string CoordinatorOf(string slug) => $"coordinator@{slug}";

    public Task<Caller> CoordinatorAsync(string slug) => grains.SignInAsync(CoordinatorOf(slug));

    /// <summary>The person who registered <paramref name="organisationId"/> through <see cref="OrganisationAsync"/>.</summary>
    public Task<Caller> PersonAsync(string organisationId) => grains.SignInAsync(_people[organisationId]);

    public async Task<NetworkProfile> NetworkAsync(string? slug = null, string region = "North East", JoinPolicy policy = JoinPolicy.Approval)
    {
        slug ??= UniqueSlug();
        return await grains.GetNetwork(slug).CreateAsync(Admin, new CreateNetwork("A network", region, "Be kind.", [CoordinatorOf(slug)], null, policy));
    }

    public async Task<OrganisationProfile> OrganisationAsync(string name = "Gateshead Food Bank", Contact? contact = null)
    {
        var id = HubIds.OrganisationPrefix + Ulid.NewUlid();
        var person = $"person-{Guid.NewGuid():N}@example.org";
        var caller = new Caller(person, HubRoles.None, []);
        var profile = await grains.GetOrganisation(id).RegisterAsync(
            caller, new RegisterOrganisation(name, "CHARITY", "GB-CHC-1234567", null, null, ["food"], contact, null));
        _people[id] = person;
        return profile;
    }

    /// <summary>The organisation asks to join and the network's coordinator approves.</summary>
    public async Task JoinAsync(string organisationId, string slug)
    {
        await grains.GetOrganisation(organisationId).JoinNetworkAsync(await PersonAsync(organisationId), slug, null);
        await grains.GetNetwork(slug).ApproveJoinAsync(await CoordinatorAsync(slug), organisationId);
    }

    public async Task<(NetworkProfile Network, OrganisationProfile Member)> MemberAsync()
    {
        var network = await NetworkAsync();
        var organisation = await OrganisationAsync();
        await JoinAsync(organisation.Id, network.Slug);
        return (network, organisation);
    }

    public async Task<Activity> PostAsync(string slug, string organisationId, PostActivity post) =>
        await grains.GetNetwork(slug).PostAsync(await PersonAsync(organisationId), organisationId, post);

    public static PostActivity Post(string title = "Soup on Saturdays", Visibility visibility = Visibility.Public, ActivityKind kind = ActivityKind.Story, string? requestId = null) =>
        new(kind, title, "We cook, you come.", ["food"], [], null, visibility, requestId);
}
