using Microsoft.Extensions.Hosting;

namespace OurSociety.Federation.Hosting;

/// <summary>Tells <see cref="ClusterClientStatus"/> when the host has started, which for a client means it connected.</summary>
internal sealed class ClusterClientStartup(ClusterClientStatus status, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(status.MarkConnected);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
