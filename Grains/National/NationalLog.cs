using Microsoft.Extensions.Logging;

namespace OurSociety.Federation.National;

/// <summary>Source-generated log messages of national statistics (event ids 1300–1319).</summary>
internal static partial class NationalLog
{
    [LoggerMessage(1300, LogLevel.Warning, "Network {Network} could not send its national counts yet; its planned batch stays and is sent again in {Retry}")]
    public static partial void SendFailed(ILogger logger, Exception exception, string network, TimeSpan retry);
}
