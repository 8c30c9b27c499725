using System.ComponentModel.DataAnnotations;

namespace OurSociety.Federation.Hosting;

/// <summary>
/// The Orleans dashboard, bound from <c>Hub:Dashboard</c> and validated at start. Off unless enabled: it profiles
/// every grain call while on, and it shows the cluster's inner workings, so only the hub's admins may open it
/// (see <c>docs/deploy.md</c>). Every silo and the Api must agree on <see cref="Enabled"/>.
/// </summary>
public sealed class HubDashboardOptions : IValidatableObject
{
    public const string Section = "Hub:Dashboard";

    public bool Enabled { get; set; }

    /// <summary>Where the Api serves the dashboard.</summary>
    public string Path { get; set; } = "/dashboard";

    /// <summary>Hides the dashboard's live log stream, which can show whatever the hub logs.</summary>
    public bool HideTrace { get; set; } = true;

    /// <summary>How often the dashboard samples its counters.</summary>
    [Range(1000, 60_000, ErrorMessage = "Hub:Dashboard:CounterUpdateIntervalMs must be between 1000 and 60000.")]
    public int CounterUpdateIntervalMs { get; set; } = 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(Path) || Path[0] != '/' || Path.Length == 1 || Path.EndsWith('/') || Path.Any(char.IsWhiteSpace))
        {
            yield return new ValidationResult(
                $"{Section}:Path is '{Path}'; it must be a path below the root without a trailing slash, such as /dashboard.", [nameof(Path)]);
        }
    }
}
