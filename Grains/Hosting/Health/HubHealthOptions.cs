namespace OurSociety.Federation.Hosting.Health;

/// <summary>Bound from <c>Hub:Health</c>: where a Silo process serves its health endpoints.</summary>
public sealed class HubHealthOptions
{
    public const string Section = "Hub:Health";

    /// <summary>
    /// The Silo's HTTP address(es) for <c>/health/live</c>, <c>/health/ready</c> and <c>/health/startup</c>, separated
    /// by ';' (in a container: <c>http://0.0.0.0:8080</c>). The Api serves them on its own HTTP port instead.
    /// </summary>
    public string Urls { get; set; } = "http://127.0.0.1:8081";
}
