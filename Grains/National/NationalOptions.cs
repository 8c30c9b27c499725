using System.ComponentModel.DataAnnotations;

namespace OurSociety.Federation.National;

/// <summary>Bound from the <c>Hub:National</c> configuration section and validated at start.</summary>
public sealed class NationalOptions : IValidatableObject
{
    public const string Section = "Hub:National";

    /// <summary>The lowest threshold the hub accepts: below it a count could point to one or two organisations.</summary>
    public const int MinimumThreshold = 3;

    /// <summary>A count below this (and above zero) is published as suppressed, without its value.</summary>
    public int SuppressionThreshold { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SuppressionThreshold < MinimumThreshold)
        {
            yield return new ValidationResult(
                $"Hub:National:SuppressionThreshold must be at least {MinimumThreshold} (it is {SuppressionThreshold}): smaller counts could identify an organisation.",
                [nameof(SuppressionThreshold)]);
        }
    }
}
