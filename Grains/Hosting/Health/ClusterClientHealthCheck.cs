using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace OurSociety.Federation.Hosting.Health;

/// <summary>Ready while the Orleans client is connected to at least one gateway and the process is not stopping.</summary>
internal sealed class ClusterClientHealthCheck(ClusterClientStatus status, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Shutting down.")
            : !status.HasConnected
                ? HealthCheckResult.Unhealthy("Not connected to the cluster yet.")
                : status.ConnectedGateways > 0
                    ? HealthCheckResult.Healthy($"Connected to {status.ConnectedGateways} gateway(s).")
                    : HealthCheckResult.Unhealthy("Connected once, but no gateway answers now."));
}
