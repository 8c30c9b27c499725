using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OurSociety.Federation.Access;

namespace OurSociety.Federation.Api.Access;

/// <summary>
/// The embedded issuer: signs tokens with the hub's own key (ES256). Registered only when no external
/// <see cref="HubAuthOptions.Authority"/> is configured.
/// </summary>
public sealed class HubTokenIssuer(HubSigningKey key, IOptions<HubAuthOptions> options, TimeProvider time)
{
    private static readonly JsonWebTokenHandler _handler = new();

    /// <summary>A signed JWT for <paramref name="subject"/> with <paramref name="roles"/>, valid for <paramref name="lifetime"/> (default <see cref="HubAuthOptions.TokenLifetime"/>).</summary>
    public string Issue(string subject, HubRoles roles, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var settings = options.Value;
        var validFor = lifetime ?? settings.TokenLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validFor, TimeSpan.Zero, nameof(lifetime));

        var roleNames = new List<string>();
        if (roles.HasFlag(HubRoles.Admin))
        {
            roleNames.Add(settings.AdminRole);
        }

        if (roles.HasFlag(HubRoles.NationalViewer))
        {
            roleNames.Add(settings.NationalViewerRole);
        }

        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + validFor,
            Claims = new Dictionary<string, object>
            {
                [settings.SubjectClaim] = subject,
                [settings.RoleClaim] = roleNames.ToArray(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = new SigningCredentials(key.Current, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
