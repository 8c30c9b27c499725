using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace OurSociety.Federation.Hosting.Health;

/// <summary>
/// Ready while this silo is <see cref="SiloStatus.Active"/> in its own view of membership and not stopping: a silo
/// that is joining, shutting down or declared dead takes no traffic.
/// </summary>
internal sealed class SiloMembershipHealthCheck(
    IClusterMembershipService membership, ILocalSiloDetails silo, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The silo is shutting down."));
        }

        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Active in cluster {silo.ClusterId} with {active} active silo(s).")
            : HealthCheckResult.Unhealthy($"This silo is {status} in cluster {silo.ClusterId}, not active."));
    }
}
