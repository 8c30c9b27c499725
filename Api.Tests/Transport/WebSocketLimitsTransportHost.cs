namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// A WebSocket host with limits small enough for a test to reach: a 1 s init timeout, two operations, 1 KiB messages,
/// pings every 200 ms, and a 500 ms execution timeout.
/// </summary>
public sealed class WebSocketLimitsTransportHost : WebSocketTransportHost
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Hub:GraphQL:MaxRequestBodySize"] = "1024",
        ["Hub:GraphQL:ExecutionTimeout"] = "00:00:00.500",
        ["Hub:GraphQL:WebSocket:ConnectionInitTimeout"] = "00:00:01",
        ["Hub:GraphQL:WebSocket:MaxOperationsPerConnection"] = "2",
        ["Hub:GraphQL:WebSocket:KeepAliveInterval"] = "00:00:00.200",
    };
}
