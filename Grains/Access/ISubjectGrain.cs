namespace OurSociety.Federation.Access;

/// <summary>
/// The hub's index of one person or service (key: <c>sub:{subject}</c>): the organisations it is a member of and the
/// networks it coordinates. Organisation and network grains are the authority and keep this index in step with
/// their own lists: they add here after recording a right and remove here before dropping one, so the index never
/// grants more than they do.
/// </summary>
[Alias("ISubjectGrain")]
public interface ISubjectGrain : IGrainWithStringKey
{
    /// <summary>What the subject is part of, for building a <see cref="Caller"/> (see <see cref="SubjectGrainExtensions.SignInAsync"/>).</summary>
    [AlwaysInterleave]
    [Alias("GetScopesAsync")]
    Task<SubjectScopes> GetScopesAsync();

    /// <summary>Records (or, with <paramref name="member"/> false, drops) membership of an organisation. Idempotent.</summary>
    [Alias("SetOrganisationAsync")]
    Task SetOrganisationAsync(string organisationId, bool member);

    /// <summary>Records (or, with <paramref name="coordinator"/> false, drops) coordination of a network. Idempotent.</summary>
    [Alias("SetNetworkAsync")]
    Task SetNetworkAsync(string networkSlug, bool coordinator);
}
