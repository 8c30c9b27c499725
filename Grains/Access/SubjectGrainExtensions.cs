using OurSociety.Federation.Common;

namespace OurSociety.Federation.Access;

public static class SubjectGrainExtensions
{
    /// <summary>
    /// The caller for <paramref name="subject"/>: the hub-wide <paramref name="roles"/> its token grants, and the
    /// organisations and networks the hub's index says it is part of (one grain call).
    /// </summary>
    public static async Task<Caller> SignInAsync(this IGrainFactory grains, string subject, HubRoles roles = HubRoles.None)
    {
        var scopes = await grains.GetSubject(subject).GetScopesAsync();
        return new Caller(subject, roles, scopes.Organisations) { Networks = scopes.Networks };
    }
}
