using OurSociety.Federation.Common;

namespace OurSociety.Federation.Organisations;

/// <summary>A member organisation (key: its id, <c>org_</c> + ULID): profile, private contact and memberships.</summary>
[Alias("IOrganisationGrain")]
public interface IOrganisationGrain : IGrainWithStringKey
{
    /// <summary>Registers the organisation under this grain's id. Registering again with the same details returns the profile (a retry).</summary>
    [Alias("RegisterAsync")]
    Task<OrganisationProfile> RegisterAsync(Caller caller, RegisterOrganisation command);

    /// <summary>The public profile, or null if no organisation has this id.</summary>
    [Alias("GetProfileAsync")]
    Task<OrganisationProfile?> GetProfileAsync();

    /// <summary>The private contact details, for a caller acting for this organisation; null for anyone else.</summary>
    [Alias("GetContactAsync")]
    Task<Contact?> GetContactAsync(Caller caller);

    /// <summary>Joins a network: the network records the member, then the organisation records the membership. Joining twice changes nothing.</summary>
    [Alias("JoinNetworkAsync")]
    Task<OrganisationProfile> JoinNetworkAsync(Caller caller, string networkSlug);

    /// <summary>Leaves a network; leaving one it does not belong to changes nothing.</summary>
    [Alias("LeaveNetworkAsync")]
    Task<OrganisationProfile> LeaveNetworkAsync(Caller caller, string networkSlug);
}
