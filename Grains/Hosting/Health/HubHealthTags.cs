namespace OurSociety.Federation.Hosting.Health;

/// <summary>Which endpoint runs a health check: each check carries the tags of the endpoints it answers for.</summary>
public static class HubHealthTags
{
    /// <summary><c>/health/live</c>: the process answers; never the database, never a grain.</summary>
    public const string Live = "live";

    /// <summary><c>/health/ready</c>: in the cluster (or connected to it) and storage reachable.</summary>
    public const string Ready = "ready";

    /// <summary><c>/health/startup</c>: started, and joined or connected once.</summary>
    public const string Startup = "startup";
}
