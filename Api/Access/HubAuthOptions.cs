using System.ComponentModel.DataAnnotations;

namespace OurSociety.Federation.Api.Access;

/// <summary>
/// How callers prove who they are, bound from <c>Hub:Auth</c> and validated at start. Without an
/// <see cref="Authority"/> the hub signs its own tokens (ES256, key in <see cref="SigningKeyFile"/>); with one,
/// an external OpenID Connect provider issues them and the hub only checks them.
/// </summary>
public sealed class HubAuthOptions : IValidatableObject
{
    public const string Section = "Hub:Auth";

    /// <summary>The file name of the embedded signing key inside <c>Hub:Storage:DataDirectory</c>.</summary>
    public const string DefaultSigningKeyFileName = "hub-signing-key.pem";

    /// <summary>The <c>iss</c> the hub writes and requires on its own tokens (ignored with an <see cref="Authority"/>, whose discovery document names its issuer).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Issuer { get; set; } = "oursociety-federation";

    /// <summary>The <c>aud</c> every token must carry, whoever issued it.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Audience { get; set; } = "oursociety-federation-api";

    /// <summary>
    /// An external OpenID Connect provider (its issuer URL); signing keys come from its discovery document and JWKS.
    /// When set, the hub issues no tokens itself.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Refuse an <see cref="Authority"/> whose metadata is not served over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that names the caller.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>The claim that lists the caller's hub-wide roles (a string, space-separated strings, or an array).</summary>
    [Required(AllowEmptyStrings = false)]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The role value that means <see cref="OurSociety.Federation.Access.HubRoles.Admin"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AdminRole { get; set; } = "admin";

    /// <summary>The role value that means <see cref="OurSociety.Federation.Access.HubRoles.NationalViewer"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string NationalViewerRole { get; set; } = "national";

    /// <summary>
    /// The embedded issuer's ECDSA P-256 key (PEM, created on first use). Default: <see cref="DefaultSigningKeyFileName"/>
    /// in <c>Hub:Storage:DataDirectory</c>. Relative paths are resolved from the working directory.
    /// </summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>How long a token from the embedded issuer is valid unless the issuer is asked for another lifetime.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Leeway for clocks that disagree when checking <c>exp</c> and <c>nbf</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the hub signs its own tokens (no <see cref="Authority"/>).</summary>
    public bool IsEmbeddedIssuer => string.IsNullOrWhiteSpace(Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.Equals(AdminRole, NationalViewerRole, StringComparison.Ordinal))
        {
            yield return new ValidationResult($"{Section}:AdminRole and {Section}:NationalViewerRole must differ.", [nameof(AdminRole)]);
        }

        if (IsEmbeddedIssuer)
        {
            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult(
                $"{Section}:Authority must be the absolute URL of an OpenID Connect provider (for example https://id.example.org/realms/hub).",
                [nameof(Authority)]);
        }
        else if (RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult(
                $"{Section}:Authority must use https unless {Section}:RequireHttpsMetadata is false.",
                [nameof(Authority)]);
        }
    }
}
