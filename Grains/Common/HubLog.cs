using Microsoft.Extensions.Logging;

namespace OurSociety.Federation.Common;

/// <summary>Source-generated log messages of the hub's grains (event ids 1200–1299).</summary>
internal static partial class HubLog
{
    [LoggerMessage(1200, LogLevel.Warning, "Network {GrainKey} could not hand {Count} audit entries to its trail yet; they stay in its state and are sent again")]
    public static partial void AuditHandOffFailed(ILogger logger, Exception exception, string grainKey, int count);

}
