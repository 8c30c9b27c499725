namespace OurSociety.Federation.Access;

/// <summary>
/// Hub-wide roles, vouched for by the token issuer. Roles that belong to one network or one organisation
/// (coordinator, organisation member) are not here: the network's and the organisation's own grains record them.
/// </summary>
[Flags]
public enum HubRoles
{
    /// <summary>No hub-wide role: a developer or a person whose rights come from networks and organisations.</summary>
    None = 0,

    /// <summary>Creates networks and names their first coordinators; nothing else.</summary>
    Admin = 1,

    /// <summary>Reads the national aggregates; never anything personal.</summary>
    NationalViewer = 2,
}
