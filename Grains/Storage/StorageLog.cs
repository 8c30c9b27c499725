using Microsoft.Extensions.Logging;

namespace OurSociety.Federation.Storage;

/// <summary>Source-generated log messages of the hub's storage (event ids 1100–1199).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(1100, LogLevel.Information, "Opened the hub's SQLite database {Path}")]
    public static partial void SqliteOpened(ILogger logger, string path);

    [LoggerMessage(1101, LogLevel.Information, "Closed the hub's SQLite database {Path}")]
    public static partial void SqliteClosed(ILogger logger, string path);

    [LoggerMessage(1102, LogLevel.Error, "A group commit of {Count} writes failed")]
    public static partial void GroupCommitFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(1103, LogLevel.Debug, "Version conflict on {Operation} of {StateName} for grain {GrainId}: ETag {ETag} is stale")]
    public static partial void VersionConflict(ILogger logger, string operation, string stateName, string grainId, string? eTag);

    [LoggerMessage(1104, LogLevel.Warning, "A checkpoint of the hub's SQLite write-ahead log failed; it is tried again shortly")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(1110, LogLevel.Information, "Applying the hub's PostgreSQL schema scripts: {Scripts}")]
    public static partial void ApplyingPostgreSqlSchema(ILogger logger, string scripts);

    [LoggerMessage(1111, LogLevel.Information, "The hub's PostgreSQL schema is up to date")]
    public static partial void AppliedPostgreSqlSchema(ILogger logger);
}
