using Microsoft.Extensions.Logging;

namespace OurSociety.Federation.Common;

/// <summary>Source-generated log messages of the hub's grains (event ids 1200–1299).</summary>
internal static partial class HubLog
{
    [LoggerMessage(1200, LogLevel.Warning, "Network {GrainKey} could not hand {Count} audit entries to its trail yet; they stay in its state and are sent again")]
    public static partial void AuditHandOffFailed(ILogger logger, Exception exception, string grainKey, int count);

    [LoggerMessage(1201, LogLevel.Information, "Network {Network} sends its link statement version {Version} to {Peer} again: no confirmation yet")]
    public static partial void LinkRedelivered(ILogger logger, string network, string peer, int version);

    [LoggerMessage(1202, LogLevel.Warning, "Network {Network} could not read the feed {Peer} shares with it; its page leaves that network out")]
    public static partial void SharedFeedUnavailable(ILogger logger, Exception exception, string network, string peer);

    [LoggerMessage(1203, LogLevel.Warning, "Feed {GrainKey} could not seal segment {Index} yet; its items stay in the feed's tail and are sealed with a later write")]
    public static partial void SealDeferred(ILogger logger, Exception exception, string grainKey, long index);

    [LoggerMessage(1204, LogLevel.Warning, "Feed {GrainKey} failed to write; this activation takes no more writes and is deactivated, so the next reads what storage holds")]
    public static partial void FeedWriteFailed(ILogger logger, Exception exception, string grainKey);

    [LoggerMessage(1205, LogLevel.Warning, "Segment {GrainKey} held items its feed never wrote (sealed at version {Old}); the feed's written items at version {New} replace them")]
    public static partial void SegmentReplaced(ILogger logger, string grainKey, long old, long @new);

}
