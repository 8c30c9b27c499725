using Microsoft.Extensions.Logging;

namespace OurSociety.Federation.Hosting;

/// <summary>
/// What an Orleans client knows about its connection: how many gateways it is connected to, and whether it ever
/// connected. It also keeps the first connection trying, every second, for as long as the process runs: Orleans'
/// default gives up after a few attempts and stops the host, and an API that stops when its silos are late is an
/// API an orchestrator restarts in a loop.
/// </summary>
public sealed class ClusterClientStatus(ILogger<ClusterClientStatus> logger) : IClusterConnectionStatusObserver, IClientConnectionRetryFilter
{
    private static readonly TimeSpan _retryDelay = TimeSpan.FromSeconds(1);

    private int _gateways;
    private int _attempts;

    /// <summary>Gateways the client is connected to now.</summary>
    public int ConnectedGateways => Volatile.Read(ref _gateways);

    /// <summary>Whether the first connection to the cluster succeeded.</summary>
    public bool HasConnected { get; private set; }

    /// <summary>Set once the client connected: the host has started, which waits for the first connection.</summary>
    public void MarkConnected()
    {
        HasConnected = true;
        HostingLog.ClusterConnected(logger);
        if (ConnectedGateways == 0)
        {
            Interlocked.CompareExchange(ref _gateways, 1, 0);
        }
    }

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        Volatile.Write(ref _gateways, currentNumberOfGateways);
        HostingLog.GatewayCountChanged(logger, previousNumberOfGateways, currentNumberOfGateways);
    }

    public void NotifyClusterConnectionLost()
    {
        Volatile.Write(ref _gateways, 0);
        HostingLog.ClusterConnectionLost(logger);
    }

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        HostingLog.ClusterConnectionRetrying(logger, attempt, exception.Message);
        try
        {
            await Task.Delay(_retryDelay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
