namespace OurSociety.Federation.Hosting;

/// <summary>How silos and clients find each other (<c>Hub:Orleans:Clustering</c>).</summary>
public enum HubClustering
{
    /// <summary>One silo on this machine at known ports; the embedded default and a single separate silo.</summary>
    Localhost,

    /// <summary>
    /// Membership in PostgreSQL through Orleans' ADO.NET clustering, on <c>Hub:Storage:ConnectionString</c>: any number
    /// of silos join one cluster, and clients find gateways in the same table.
    /// </summary>
    AdoNet,
}
