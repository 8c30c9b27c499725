namespace OurSociety.Federation.Api.Transport;

internal static partial class TransportLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Error,
        Message = "Unhandled exception in GraphQL operation {OperationName} at {FieldPath}; the client sees code INTERNAL")]
    public static partial void UnhandledException(ILogger logger, string? operationName, string fieldPath, Exception exception);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "GraphQL operation {OperationName} ran past the execution timeout of {Timeout}")]
    public static partial void ExecutionTimedOut(ILogger logger, string? operationName, TimeSpan timeout);
}
