using Microsoft.Extensions.Logging;

namespace OurSociety.Federation.Hosting;

/// <summary>Source-generated log messages of the hub's hosting: cluster connection and health (event ids 1500–1599).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(1500, LogLevel.Information, "Connected to {Gateways} gateways of the cluster (was {Previous})")]
    public static partial void GatewayCountChanged(ILogger logger, int previous, int gateways);

    [LoggerMessage(1501, LogLevel.Warning, "Lost the connection to the cluster: no gateway answers; calls answer UNAVAILABLE until one does")]
    public static partial void ClusterConnectionLost(ILogger logger);

    [LoggerMessage(1502, LogLevel.Warning, "Could not connect to the cluster yet (attempt {Attempt}): {Reason}; trying again in a second")]
    public static partial void ClusterConnectionRetrying(ILogger logger, int attempt, string reason);

    [LoggerMessage(1503, LogLevel.Information, "Connected to the cluster")]
    public static partial void ClusterConnected(ILogger logger);
}
