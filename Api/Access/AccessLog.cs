namespace OurSociety.Federation.Api.Access;

internal static partial class AccessLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information,
        Message = "Created the hub's token signing key at {Path}")]
    public static partial void SigningKeyCreated(ILogger logger, string path);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug,
        Message = "Refused a bearer token: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning,
        Message = "A bearer token could not be checked (is the identity provider at {Authority} reachable?)")]
    public static partial void TokenNotChecked(ILogger logger, string? authority, Exception exception);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information,
        Message = "Rate limited an {CallerKind} caller at {Path}; retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string callerKind, string path, int retryAfterSeconds);
}
