using System.Security.Claims;
using OurSociety.Federation.Access;

namespace OurSociety.Federation.Api.Access;

/// <summary>
/// Who a signed-in caller is, as far as the token says: a subject and hub-wide roles. Rights in one network or
/// organisation are not here; the grains that hold them decide by <see cref="Subject"/>.
/// </summary>
/// <param name="Subject">The caller's stable identifier (the token's subject claim).</param>
/// <param name="Roles">The hub-wide roles the token grants.</param>
public sealed record HubIdentity(string Subject, HubRoles Roles)
{
    /// <summary>The claim type the hub gives the subject once a token is validated, whatever the token called it.</summary>
    public const string SubjectClaimType = "urn:oursociety:hub:subject";

    /// <summary>The claim type the hub gives each hub-wide role (a <see cref="HubRoles"/> name) once a token is validated.</summary>
    public const string RoleClaimType = "urn:oursociety:hub:role";

    /// <summary>
    /// The identity of a principal the hub's authentication produced, or null for an anonymous caller (no token).
    /// </summary>
    public static HubIdentity? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var identity in user.Identities)
        {
            if (identity.IsAuthenticated && identity.FindFirst(SubjectClaimType)?.Value is { Length: > 0 } subject)
            {
                var roles = HubRoles.None;
                foreach (var role in identity.FindAll(RoleClaimType))
                {
                    if (Enum.TryParse<HubRoles>(role.Value, ignoreCase: false, out var parsed))
                    {
                        roles |= parsed;
                    }
                }

                return new HubIdentity(subject, roles);
            }
        }

        return null;
    }

    /// <summary>The normalised claims for this identity, which <see cref="From"/> reads back.</summary>
    internal IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(SubjectClaimType, Subject);
        foreach (var role in Enum.GetValues<HubRoles>())
        {
            if (role != HubRoles.None && Roles.HasFlag(role))
            {
                yield return new Claim(RoleClaimType, role.ToString());
            }
        }
    }
}
