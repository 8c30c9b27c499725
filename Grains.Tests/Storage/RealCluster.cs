using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>Silo hosts and a client host (last) started on loopback; stopped in reverse order.</summary>
public sealed class RealCluster(string clusterId, IReadOnlyList<IHost> hosts) : IAsyncDisposable
{
    public string ClusterId { get; } = clusterId;

    public IClusterClient Client => hosts[^1].Services.GetRequiredService<IClusterClient>();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts.Reverse())
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
