using GraphQL.Types;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Api.Introductions;
using OurSociety.Federation.Api.Matching;
using OurSociety.Federation.Api.National;
using OurSociety.Federation.Api.Networks;
using OurSociety.Federation.Api.Organisations;

namespace OurSociety.Federation.Api;

/// <summary>
/// The root of every change. Each feature adds its own fields; each resolver hands the caller to the grain that holds
/// the state, and that grain decides whether the caller may.
/// </summary>
public sealed class HubMutation : ObjectGraphType
{
    public HubMutation()
    {
        Name = "Mutation";
        Description = "Everything a network or organisation does. Each returns a payload with the changed object or coded errors; on an error nothing changed. Signing in (a bearer token) is needed for every mutation.";
        this.AddNetworkMutations();
        this.AddLinkMutations();
        this.AddNationalMutations();
        this.AddOrganisationMutations();
        this.AddFeedMutations();
        this.AddIntroductionMutations();
        this.AddMatchMutations();
    }
}
