using System.ComponentModel.DataAnnotations;

namespace OurSociety.Federation.Introductions;

/// <summary>Bound from the <c>Hub:Introductions</c> configuration section and validated at start.</summary>
public sealed class IntroductionOptions : IValidatableObject
{
    public const string Section = "Hub:Introductions";

    /// <summary>How long an introduction waits for both answers before it expires; a reminder goes out at half-time.</summary>
    public TimeSpan ExpiresAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long after connecting the parties are asked "did you meet?".</summary>
    public TimeSpan CheckInAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long after connecting a party may still answer the check-in.</summary>
    public static readonly TimeSpan CheckInWindow = TimeSpan.FromDays(30);

    /// <summary>After this long from its request, nothing can change an introduction any more.</summary>
    public TimeSpan Settled => ExpiresAfter + CheckInAfter + CheckInWindow;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ExpiresAfter < TimeSpan.FromHours(1) || ExpiresAfter > TimeSpan.FromDays(365))
        {
            yield return new ValidationResult("Hub:Introductions:ExpiresAfter must be between 01:00:00 and 365.00:00:00.", [nameof(ExpiresAfter)]);
        }

        if (CheckInAfter < TimeSpan.FromHours(1) || CheckInAfter > TimeSpan.FromDays(365))
        {
            yield return new ValidationResult("Hub:Introductions:CheckInAfter must be between 01:00:00 and 365.00:00:00.", [nameof(CheckInAfter)]);
        }
    }
}
