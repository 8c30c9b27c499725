namespace OurSociety.Federation.Api.Transport;

internal static partial class TransportLog
{
    [LoggerMessage(EventId = 1111, Level = LogLevel.Debug,
        Message = "Closing a GraphQL WebSocket connection with {CloseCode}: {Reason}")]
    public static partial void WebSocketClosing(ILogger logger, int closeCode, string reason);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Debug,
        Message = "Rejected a GraphQL WebSocket connection_init: {Reason}")]
    public static partial void WebSocketInitRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Error,
        Message = "The GraphQL WebSocket authenticator failed; the connection closes with 4500")]
    public static partial void WebSocketAuthenticatorFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Warning,
        Message = "A GraphQL WebSocket client has {Queued} messages waiting to be sent and is disconnected")]
    public static partial void WebSocketClientTooSlow(ILogger logger, int queued);

    [LoggerMessage(EventId = 1115, Level = LogLevel.Error,
        Message = "GraphQL WebSocket operation {OperationId} failed outside GraphQL execution; the client sees code INTERNAL")]
    public static partial void WebSocketOperationFailed(ILogger logger, string operationId, Exception exception);
}
