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

    /// <summary>
    /// Whether networks' statistics count their feeds for the national view (default true). When false a feed's poke
    /// does nothing and no batch is planned or sent: consent is still recorded, and an opt-out still withdraws.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The least time between two rounds of a network's statistics that pokes start (default 1 s): a busy feed pokes
    /// after every group commit, and one round per interval counts them all with a few writes instead of a few per
    /// commit. A flush or a consent change does not wait. The national view, counted by the week, lags posting by up
    /// to this much more.
    /// </summary>
    public TimeSpan RoundInterval { get; set; } = TimeSpan.FromSeconds(1);

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
