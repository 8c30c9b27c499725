using System.ComponentModel.DataAnnotations;

namespace OurSociety.Federation.Api.Access;

/// <summary>
/// Per-caller request budgets of the GraphQL endpoint, bound from <c>Hub:RateLimits</c> and validated at start.
/// A signed-in caller is counted by subject, an anonymous one by client IP address.
/// </summary>
public sealed class HubRateLimitOptions
{
    public const string Section = "Hub:RateLimits";

    /// <summary>Off means no request is ever refused for its rate.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per <see cref="Window"/> for one client IP address without a token.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousPermitLimit { get; set; } = 120;

    /// <summary>Requests per <see cref="Window"/> for one signed-in subject.</summary>
    [Range(1, 1_000_000)]
    public int SignedInPermitLimit { get; set; } = 1200;

    /// <summary>The period the budgets are counted over; a full budget may be spent at once, then refills evenly over it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
