namespace OurSociety.Federation.Api.Live;

/// <summary>Log messages of live updates (event ids 1400–1499).</summary>
internal static partial class LiveLog
{
    [LoggerMessage(1400, LogLevel.Warning, "Could not renew live updates of network {Network}; trying again at the next renewal")]
    public static partial void RenewFailed(ILogger logger, Exception exception, string network);
}
