using System.ComponentModel.DataAnnotations;
using System.Net;

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

    /// <summary>How silos and clients find each other: <see cref="HubClustering.Localhost"/> unless configured.</summary>
    public HubClustering Clustering { get; set; } = HubClustering.Localhost;

    /// <summary>
    /// The IP address a silo tells the others (and clients) to reach it at. Unset: loopback, and the silo listens on
    /// loopback only. Set (a pod's IP, say): the silo listens on every interface and advertises this one.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Names the deployment; silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "oursociety-hub";

    /// <summary>Names the service across deployments; grain state is stored under it, so never change it for existing data.</summary>
    public string ServiceId { get; set; } = "oursociety-federation";

    /// <summary>Port silos talk to each other on.</summary>
    [Range(1, 65535, ErrorMessage = "Hub:Orleans:SiloPort must be a TCP port (1-65535).")]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients reach a silo's gateway on.</summary>
    [Range(1, 65535, ErrorMessage = "Hub:Orleans:GatewayPort must be a TCP port (1-65535).")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address to advertise: <see cref="AdvertisedAddress"/>, or loopback when it is unset.</summary>
    public IPAddress AdvertisedIPAddress =>
        IPAddress.TryParse(AdvertisedAddress, out var address) ? address : IPAddress.Loopback;

    /// <summary>Whether the silo listens on every interface (an address is advertised) or on loopback only.</summary>
    public bool ListensOnAnyAddress => !string.IsNullOrWhiteSpace(AdvertisedAddress);

    /// <summary>The longest cluster or service id: both are stored in every membership, state and reminder row.</summary>
    public const int MaxIdLength = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(ClusterId), ClusterId), (nameof(ServiceId), ServiceId) })
        {
            if (IdProblem(value) is { } problem)
            {
                yield return new ValidationResult($"Hub:Orleans:{name} {problem}", [name]);
            }
        }

        if (ListensOnAnyAddress && (!IPAddress.TryParse(AdvertisedAddress, out var advertised) || advertised.Equals(IPAddress.Any) || advertised.Equals(IPAddress.IPv6Any)))
        {
            yield return new ValidationResult(
                $"Hub:Orleans:AdvertisedAddress '{AdvertisedAddress}' is not an IP address other silos can reach (for example 10.1.2.3); leave it unset for loopback.",
                [nameof(AdvertisedAddress)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult(
                $"Hub:Orleans:SiloPort and Hub:Orleans:GatewayPort are both {SiloPort}; give them different ports.",
                [nameof(SiloPort), nameof(GatewayPort)]);
        }
    }

    /// <summary>
    /// Ids go into PostgreSQL text columns and log lines: PostgreSQL text cannot hold NUL, and control characters or
    /// spaces make rows that nobody can type. So ids are plain: letters, digits, '.', '_' and '-'.
    /// </summary>
    private static string? IdProblem(string? id)
    {
        const string Allowed = "use 1 to 100 letters, digits, '.', '_' or '-'";
        if (string.IsNullOrEmpty(id))
        {
            return $"is empty; {Allowed}.";
        }

        if (id.Length > MaxIdLength)
        {
            return $"is {id.Length} characters long; {Allowed}.";
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                var what = c switch
                {
                    '\0' => "NUL (U+0000)",
                    _ when char.IsControl(c) => $"the control character U+{(int)c:X4}",
                    _ when char.IsWhiteSpace(c) => $"a space (U+{(int)c:X4})",
                    _ => $"'{c}'",
                };
                var why = c == '\0' ? ", which PostgreSQL text cannot hold" : string.Empty;
                return $"has {what} at position {i + 1}{why}; {Allowed}.";
            }
        }

        return null;
    }
}
