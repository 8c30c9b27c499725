using System.Net.WebSockets;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// The graphql-transport-ws endpoint: takes WebSocket upgrades on the GraphQL path, refuses callers the app's
/// <see cref="IGraphQLHttpCallerPolicy"/> refuses (as HTTP does, before the upgrade), and runs one
/// <see cref="GraphQLWebSocketConnection"/> per socket with the same executer, document cache and error masking as HTTP.
/// </summary>
internal sealed class GraphQLWebSocketEndpoint(
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    IServiceScopeFactory scopes,
    IOptions<GraphQLHttpOptions> httpOptions,
    IOptions<GraphQLWebSocketOptions> options,
    IEnumerable<IGraphQLHttpCallerPolicy> callerPolicies,
    IHostApplicationLifetime lifetime,
    ILogger<GraphQLWebSocketEndpoint> logger,
    IGraphQLWebSocketAuthenticator? authenticator = null,
    TimeProvider? time = null)
{
    /// <summary>The WebSocket subprotocol of the GraphQL over WebSocket protocol (graphql-ws).</summary>
    public const string SubProtocol = "graphql-transport-ws";

    private readonly IGraphQLHttpCallerPolicy[] _callerPolicies = [.. callerPolicies];

    public IDocumentExecuter<ISchema> Executer => executer;

    public IGraphQLTextSerializer Serializer => serializer;

    public IServiceScopeFactory Scopes => scopes;

    public GraphQLHttpOptions HttpOptions => httpOptions.Value;

    public GraphQLWebSocketOptions Options => options.Value;

    public IGraphQLWebSocketAuthenticator? Authenticator => authenticator;

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public ILogger Logger => logger;

    /// <summary>The endpoint for a WebSocket upgrade request, when the app added the WebSocket transport; otherwise null.</summary>
    public static GraphQLWebSocketEndpoint? For(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest ? context.RequestServices.GetService<GraphQLWebSocketEndpoint>() : null;

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            // As graphql-ws's reference server does: accept without a subprotocol, then close with 4406.
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            await CloseAsync(refused, GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable");
            return;
        }

        foreach (var policy in _callerPolicies)
        {
            if (await policy.CheckAsync(context) is { } refusal)
            {
                // Before the upgrade, so a bad Authorization header gets the same 401 as on HTTP.
                await WriteRefusalAsync(context, refusal);
                return;
            }
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = SubProtocol });
        await new GraphQLWebSocketConnection(socket, context, this).RunAsync(lifetime.ApplicationStopping);
    }

    private static async Task CloseAsync(WebSocket socket, int code, string reason)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseAsync((WebSocketCloseStatus)code, reason, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client did not wait for the close handshake.
        }
    }

    private Task WriteRefusalAsync(HttpContext context, GraphQLHttpRefusal refusal)
    {
        context.Response.StatusCode = refusal.StatusCode;
        foreach (var (name, value) in refusal.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = GraphQLMediaTypes.Json + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(refusal.Message) { Code = refusal.Code }] };
        return serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
