using OurSociety.Federation.Access;

namespace OurSociety.Federation.Organisations;

/// <summary>
/// A member organisation (key: its id, <c>org_</c> + ULID): profile, private contact, the people who act for it and
/// its memberships. It is the authority on who acts for it.
/// </summary>
[Alias("IOrganisationGrain")]
public interface IOrganisationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the organisation under this grain's id, with the (signed-in) caller as its first person. Registering
    /// again with the same details by the same caller returns the profile (a retry).
    /// </summary>
    [Alias("RegisterAsync")]
    Task<OrganisationProfile> RegisterAsync(Caller caller, RegisterOrganisation command);

    /// <summary>The public profile, or null if no organisation has this id.</summary>
    [Alias("GetProfileAsync")]
    Task<OrganisationProfile?> GetProfileAsync();

    /// <summary>
    /// The private contact details, for a caller who acts for this organisation or for one it is connected with through an
    /// introduction both accepted; null for anyone else.
    /// </summary>
    [Alias("GetContactAsync")]
    Task<Contact?> GetContactAsync(Caller caller);

    /// <summary>Its people and waiting requests, for a caller who acts for this organisation; null for anyone else.</summary>
    [Alias("GetPrivateAsync")]
    Task<OrganisationPrivate?> GetPrivateAsync(Caller caller);

    /// <summary>Changes the profile or contact; for its people.</summary>
    [Alias("UpdateAsync")]
    Task<OrganisationProfile> UpdateAsync(Caller caller, UpdateOrganisation command);

    /// <summary>Adds a person (a subject) who may act for the organisation; for its people. Adding one twice changes nothing.</summary>
    [Alias("AddPersonAsync")]
    Task<OrganisationProfile> AddPersonAsync(Caller caller, string subject);

    /// <summary>Removes a person (one may remove oneself); never the last one.</summary>
    [Alias("RemovePersonAsync")]
    Task<OrganisationProfile> RemovePersonAsync(Caller caller, string subject);

    /// <summary>
    /// Asks to join a network, with an optional message to its coordinators; for its people. The network decides: a
    /// member at once (automatic approval) or a request waiting for a coordinator. Asking twice changes nothing.
    /// </summary>
    [Alias("JoinNetworkAsync")]
    Task<JoinResult> JoinNetworkAsync(Caller caller, string networkSlug, string? message);

    /// <summary>Leaves a network or withdraws a waiting request; leaving one it does not belong to changes nothing.</summary>
    [Alias("LeaveNetworkAsync")]
    Task<OrganisationProfile> LeaveNetworkAsync(Caller caller, string networkSlug);

    /// <summary>
    /// Asks the network where this organisation stands and records it. The network sends this after a coordinator
    /// approves, declines or removes; it is one-way so the two grains never wait on each other.
    /// </summary>
    [OneWay]
    [Alias("SyncMembershipAsync")]
    Task SyncMembershipAsync(string networkSlug);
}
