using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace OurSociety.Federation.Hosting.Health;

/// <summary>
/// Started: the host finished starting (for a silo, that is after it joined the cluster; for a client, after it
/// first connected). Once started it stays so; readiness and liveness take over from there.
/// </summary>
internal sealed class StartupHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
            ? HealthCheckResult.Healthy("Started.")
            : HealthCheckResult.Unhealthy("Still starting."));
}
