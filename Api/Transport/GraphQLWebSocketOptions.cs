using System.ComponentModel.DataAnnotations;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// Limits of the graphql-transport-ws endpoint, bound from <c>Hub:GraphQL:WebSocket</c> and validated at start.
/// The largest message a client may send is <see cref="GraphQLHttpOptions.MaxRequestBodySize"/>, and single-result
/// operations share <see cref="GraphQLHttpOptions.ExecutionTimeout"/> with HTTP.
/// </summary>
public sealed class GraphQLWebSocketOptions
{
    public const string SectionName = "Hub:GraphQL:WebSocket";

    /// <summary>
    /// Time a client has, from the upgrade, to send <c>connection_init</c> and be acknowledged; after it the socket is
    /// closed with 4408, so an idle socket cannot hold a connection slot.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the server sends a protocol <c>ping</c> on an acknowledged connection, so proxies that drop idle
    /// sockets (often after 60 s) keep a quiet subscription open. 0 turns server pings off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Operations one connection may run at once (subscriptions, and queries still executing); one more is answered
    /// with an <c>error</c> message coded <c>TOO_MANY_OPERATIONS</c> and the connection stays open.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxOperationsPerConnection { get; set; } = 100;
}
