using System.ComponentModel.DataAnnotations;

namespace OurSociety.Federation.Hosting;

/// <summary>How this process takes part in the Orleans cluster.</summary>
public enum HubOrleansMode
{
    /// <summary>The API hosts a silo in its own process (localhost clustering): one command runs everything.</summary>
    Embedded,

    /// <summary>The API is an Orleans client of silos run by the Silo host.</summary>
    Client,
}

/// <summary>Bound from <c>Hub:Orleans</c> and validated at start, in the Silo and the Api.</summary>
public sealed class HubOrleansOptions : IValidatableObject
{
    public const string Section = "Hub:Orleans";

    public HubOrleansMode Mode { get; set; } = HubOrleansMode.Embedded;

    /// <summary>Names the deployment; silos and clients with the same id form one cluster.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Hub:Orleans:ClusterId is 1 to 100 letters, digits, '.', '_' or '-'.")]
    public string ClusterId { get; set; } = "oursociety-hub";

    /// <summary>Names the service across deployments; grain state is stored under it, so never change it for existing data.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Hub:Orleans:ServiceId is 1 to 100 letters, digits, '.', '_' or '-'.")]
    public string ServiceId { get; set; } = "oursociety-federation";

    /// <summary>Port silos talk to each other on.</summary>
    [Range(1, 65535, ErrorMessage = "Hub:Orleans:SiloPort must be a TCP port (1-65535).")]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients reach a silo's gateway on.</summary>
    [Range(1, 65535, ErrorMessage = "Hub:Orleans:GatewayPort must be a TCP port (1-65535).")]
    public int GatewayPort { get; set; } = 30000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult(
                $"Hub:Orleans:SiloPort and Hub:Orleans:GatewayPort are both {SiloPort}; give them different ports.",
                [nameof(SiloPort), nameof(GatewayPort)]);
        }
    }
}
