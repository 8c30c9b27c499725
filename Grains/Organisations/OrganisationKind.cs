using OurSociety.Federation.Common;

namespace OurSociety.Federation.Organisations;

/// <summary>The kinds of organisation a network gathers. Their SCREAMING_CASE names are what the API shows.</summary>
public static class OrganisationKind
{
    public static IReadOnlyList<string> All { get; } =
    [
        "CHARITY", "SOCIAL_ENTERPRISE", "COMMUNITY_GROUP", "HOUSING_ASSOCIATION", "PUBLIC_SERVICE", "BUSINESS", "INFORMAL_GROUP",
    ];

    /// <summary>The canonical kind for <paramref name="kind"/> (case and spaces forgiven), or <c>ORGANISATION_KIND_INVALID</c>.</summary>
    public static string Canonical(string? kind, params string[] field)
    {
        var normalised = kind?.Trim().Replace(' ', '_').Replace('-', '_').ToUpperInvariant();
        if (string.IsNullOrEmpty(normalised))
        {
            throw new HubException(ErrorCodes.Required, "An organisation kind is required.", field);
        }

        return All.Contains(normalised, StringComparer.Ordinal)
            ? normalised
            : throw new HubException(ErrorCodes.OrganisationKindInvalid, $"Unknown organisation kind '{kind}'. Choose one of: {string.Join(", ", All)}.", field);
    }
}
