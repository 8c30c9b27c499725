namespace OurSociety.Federation.Common;

/// <summary>
/// The regions a network belongs to: the twelve UK ITL1 regions, so that national aggregates line up
/// with official statistics. Matching is case-insensitive; the canonical spelling is stored.
/// </summary>
public static class Regions
{
    public static IReadOnlyList<string> All { get; } =
    [
        "North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands", "East of England",
        "London", "South East", "South West", "Wales", "Scotland", "Northern Ireland",
    ];

    /// <summary>The canonical name of <paramref name="region"/>, or a <c>REGION_INVALID</c> error listing the choices.</summary>
    public static string Canonical(string? region, params string[] field)
    {
        var trimmed = region?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new HubException(ErrorCodes.Required, "A region is required.", field);
        }

        return All.FirstOrDefault(r => string.Equals(r, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? throw new HubException(ErrorCodes.RegionInvalid, $"Unknown region '{trimmed}'. Choose one of: {string.Join(", ", All)}.", field);
    }
}
