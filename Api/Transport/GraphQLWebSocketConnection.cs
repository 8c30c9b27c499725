using System.Buffers;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// One graphql-transport-ws connection: reads client messages one at a time, keeps the protocol's state (waiting for
/// <c>connection_init</c>, authenticating, acknowledged) and the running operations by id, and sends every server
/// message through one queue drained by a single writer, because a WebSocket allows one send at a time.
/// </summary>
internal sealed class GraphQLWebSocketConnection
{
    private const int ReceiveChunkSize = 16 * 1024;

    /// <summary>Messages waiting for a client that does not read; past this it is disconnected rather than buffered without end.</summary>
    private const int MaxQueuedMessages = 1024;

    /// <summary>How long the other side has to answer a close frame, and operations to wind down, before the socket is aborted.</summary>
    private static readonly TimeSpan _closeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly GraphQLWebSocketEndpoint _endpoint;
    private readonly GraphQLWebSocketMessageReader _reader;
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _lifetime;
    private readonly CancellationTokenSource _receiving;
    private readonly Dictionary<string, GraphQLWebSocketOperation> _operations = new(StringComparer.Ordinal);
    private readonly HashSet<GraphQLWebSocketOperation> _unfinished = [];
    private readonly Lock _gate = new();
    private State _state = State.AwaitingInit;
    private bool _closing;
    private int _queued;
    private Task _keepAlive = Task.CompletedTask;

    public GraphQLWebSocketConnection(WebSocket socket, HttpContext context, GraphQLWebSocketEndpoint endpoint)
    {
        _socket = socket;
        _context = context;
        _endpoint = endpoint;
        _reader = new GraphQLWebSocketMessageReader(endpoint.Serializer);
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        _receiving = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        User = context.User;
    }

    private enum State
    {
        AwaitingInit,
        Initialising,
        Acknowledged,
    }

    private enum Refusal
    {
        None,
        NotAcknowledged,
        DuplicateId,
        TooManyOperations,
    }

    /// <summary>The user operations run as: the upgrade request's until <c>connection_init</c> is acknowledged.</summary>
    public ClaimsPrincipal User { get; private set; }

    public IDocumentExecuter<ISchema> Executer => _endpoint.Executer;

    public IServiceScopeFactory Scopes => _endpoint.Scopes;

    public TimeSpan ExecutionTimeout => _endpoint.HttpOptions.ExecutionTimeout;

    public ILogger Logger => _endpoint.Logger;

    /// <summary>Runs the connection until the client or the server closes it, then stops every operation it started.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var sending = SendLoopAsync();
        var initTimeout = CloseUnlessAcknowledgedAsync();
        using (stopping.Register(() => Close(GraphQLWebSocketCloseCodes.GoingAway, "Server shutting down")))
        {
            await ReceiveLoopAsync();
        }

        // Nothing more is read. Answer a client's close with its own code (a no-op when the server closed first or the
        // socket is gone), stop every operation, and give the writer and the operations a moment to finish.
        Close(_socket.CloseStatus is { } status ? (int)status : (int)WebSocketCloseStatus.NormalClosure, _socket.CloseStatusDescription ?? "");
        await _lifetime.CancelAsync();
        Task[] pending;
        lock (_gate)
        {
            pending = [sending, initTimeout, _keepAlive, .. _unfinished.Select(operation => operation.Finished)];
        }

        var all = Task.WhenAll(pending);
        if (await Task.WhenAny(all, Task.Delay(_closeTimeout, _endpoint.Time, CancellationToken.None)) != all)
        {
            _socket.Abort();
        }

        _lifetime.Dispose();
        _receiving.Dispose();
    }

    /// <summary>Queues a close frame after the messages already queued, stops every operation, and refuses further messages.</summary>
    public void Close(int code, string reason)
    {
        lock (_gate)
        {
            if (_closing)
            {
                return;
            }

            _closing = true;
        }

        TransportLog.WebSocketClosing(Logger, code, reason);
        _outbox.Writer.TryWrite(new Outgoing(null, code, CloseReason(reason)));
        _outbox.Writer.TryComplete();
        StopAllOperations();
    }

    public void SendNext(string id, ExecutionResult result)
    {
        foreach (var error in result.Errors ?? [])
        {
            // Stream events do not pass through ErrorMasking's final pass, so their uncoded errors get a code here.
            if (string.IsNullOrEmpty(error.Code))
            {
                error.Code = TransportErrorCodes.Unclassified;
            }
        }

        Send(GraphQLWebSocketMessageTypes.Next, id, result);
    }

    public void SendError(string id, IEnumerable<ExecutionError> errors) => Send(GraphQLWebSocketMessageTypes.Error, id, errors.ToArray());

    public void SendComplete(string id) => Send(GraphQLWebSocketMessageTypes.Complete, id);

    /// <summary>Drops <paramref name="operation"/> from the running operations, so its id may be used again.</summary>
    public void Forget(string id, GraphQLWebSocketOperation operation)
    {
        lock (_gate)
        {
            if (_operations.TryGetValue(id, out var current) && current == operation)
            {
                _operations.Remove(id);
            }
        }
    }

    /// <summary>Called once an operation has disposed its subscription and scope.</summary>
    public void Finished(GraphQLWebSocketOperation operation)
    {
        lock (_gate)
        {
            _unfinished.Remove(operation);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var maxMessageSize = _endpoint.HttpOptions.MaxRequestBodySize;
        var chunk = ArrayPool<byte>.Shared.Rent(ReceiveChunkSize);
        var message = new ArrayBufferWriter<byte>(ReceiveChunkSize);
        try
        {
            while (true)
            {
                message.ResetWrittenCount();
                var tooBig = false;
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(chunk.AsMemory(), _receiving.Token);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    // A message over the limit is read to its end but not kept.
                    tooBig |= message.WrittenCount + received.Count > maxMessageSize;
                    if (!tooBig)
                    {
                        message.Write(chunk.AsSpan(0, received.Count));
                    }
                }
                while (!received.EndOfMessage);

                if (IsClosing)
                {
                    // After a close frame is queued, frames are read only to see the client's answering close.
                    continue;
                }

                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    Close(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message: binary frames are not supported");
                }
                else if (tooBig)
                {
                    Close(GraphQLWebSocketCloseCodes.MessageTooBig, $"Message larger than {maxMessageSize} bytes");
                }
                else
                {
                    await HandleAsync(message.WrittenMemory);
                }

                if (message.Capacity > 4 * ReceiveChunkSize)
                {
                    // Do not keep a large message's buffer for the life of the connection.
                    message = new ArrayBufferWriter<byte>(ReceiveChunkSize);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away without a close frame, or did not answer ours in time.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private bool IsClosing
    {
        get
        {
            lock (_gate)
            {
                return _closing;
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> json)
    {
        if (_reader.Read(json, out var error) is not { } message)
        {
            Close(GraphQLWebSocketCloseCodes.BadRequest, error);
            return;
        }

        switch (message.Type)
        {
            case GraphQLWebSocketMessageTypes.ConnectionInit:
                await InitialiseAsync(message.InitPayload);
                break;
            case GraphQLWebSocketMessageTypes.Ping:
                // Allowed at any time, acknowledged or not; the pong carries the ping's payload back.
                Send(GraphQLWebSocketMessageTypes.Pong, null, message.PingPayload);
                break;
            case GraphQLWebSocketMessageTypes.Subscribe:
                Subscribe(message.Id!, message.Request!);
                break;
            case GraphQLWebSocketMessageTypes.Complete:
                CompleteOperation(message.Id!);
                break;
            default:
                // A pong: a heartbeat or an answer to our ping, with nothing to do.
                break;
        }
    }

    private async Task InitialiseAsync(IReadOnlyDictionary<string, object?>? payload)
    {
        bool first;
        lock (_gate)
        {
            first = _state == State.AwaitingInit;
            if (first)
            {
                _state = State.Initialising;
            }
        }

        if (!first)
        {
            Close(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        GraphQLWebSocketAuthentication outcome;
        try
        {
            outcome = _endpoint.Authenticator is { } authenticator
                ? await authenticator.AuthenticateAsync(_context, payload, _lifetime.Token)
                : GraphQLWebSocketAuthentication.Accept(_context.User);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            TransportLog.WebSocketAuthenticatorFailed(Logger, exception);
            Close(GraphQLWebSocketCloseCodes.InternalServerError, "Internal server error");
            return;
        }

        if (outcome.User is not { } user)
        {
            var reason = outcome.Rejection ?? "Forbidden";
            TransportLog.WebSocketInitRejected(Logger, reason);
            Close(GraphQLWebSocketCloseCodes.Forbidden, reason);
            return;
        }

        lock (_gate)
        {
            if (_closing)
            {
                // The initialisation timeout (or a shutdown) came first.
                return;
            }

            User = user;
            _state = State.Acknowledged;
        }

        Send(GraphQLWebSocketMessageTypes.ConnectionAck);
        if (_endpoint.Options.KeepAliveInterval > TimeSpan.Zero)
        {
            _keepAlive = KeepAliveAsync(_endpoint.Options.KeepAliveInterval);
        }

        if (outcome.ExpiresAt is { } expiresAt)
        {
            _ = CloseAtExpiryAsync(expiresAt);
        }
    }

    /// <summary>Closes the connection (4403) when the credentials it was accepted with expire, so no operation outlives its token.</summary>
    private async Task CloseAtExpiryAsync(DateTimeOffset expiresAt)
    {
        try
        {
            var left = expiresAt - _endpoint.Time.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left < _maxExpiryWait ? left : _maxExpiryWait, _endpoint.Time, _lifetime.Token);
                if (expiresAt > _endpoint.Time.GetUtcNow())
                {
                    _ = CloseAtExpiryAsync(expiresAt);
                    return;
                }
            }

            Close(GraphQLWebSocketCloseCodes.Forbidden, "The token has expired: connect again with a new one");
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    private void Subscribe(string id, GraphQLHttpRequest request)
    {
        GraphQLWebSocketOperation? operation = null;
        var refusal = Refusal.None;
        lock (_gate)
        {
            if (_closing)
            {
                // Closed meanwhile (a shutdown, say): nothing more starts.
                return;
            }

            if (_state != State.Acknowledged)
            {
                refusal = Refusal.NotAcknowledged;
            }
            else if (_operations.ContainsKey(id))
            {
                refusal = Refusal.DuplicateId;
            }
            else if (_operations.Count >= _endpoint.Options.MaxOperationsPerConnection)
            {
                refusal = Refusal.TooManyOperations;
            }
            else
            {
                operation = new GraphQLWebSocketOperation(id, this, _lifetime.Token);
                _operations.Add(id, operation);
                _unfinished.Add(operation);
            }
        }

        switch (refusal)
        {
            case Refusal.NotAcknowledged:
                Close(GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized");
                return;
            case Refusal.DuplicateId:
                Close(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
                return;
            case Refusal.TooManyOperations:
                // The operation never existed, so its id stays free; the connection and its other operations go on.
                SendError(id, [new ExecutionError(
                    $"No more than {_endpoint.Options.MaxOperationsPerConnection} operations may run at once on one connection.")
                {
                    Code = GraphQLWebSocketErrorCodes.TooManyOperations,
                }]);
                return;
            default:
                // Executed off the receive loop, so pings, completes and other operations are read while this one runs.
                _ = Task.Run(() => operation!.RunAsync(request));
                return;
        }
    }

    /// <summary>The client's <c>complete</c>: stops the operation without a word back. Unknown ids are ignored, as the protocol asks.</summary>
    private void CompleteOperation(string id)
    {
        GraphQLWebSocketOperation? operation;
        lock (_gate)
        {
            if (_operations.Remove(id, out operation) is false)
            {
                return;
            }
        }

        operation.Stop();
    }

    private void StopAllOperations()
    {
        GraphQLWebSocketOperation[] operations;
        lock (_gate)
        {
            operations = [.. _operations.Values];
            _operations.Clear();
        }

        foreach (var operation in operations)
        {
            operation.Stop();
        }
    }

    private async Task CloseUnlessAcknowledgedAsync()
    {
        try
        {
            await Task.Delay(_endpoint.Options.ConnectionInitTimeout, _endpoint.Time, _lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        bool acknowledged;
        lock (_gate)
        {
            acknowledged = _state == State.Acknowledged;
        }

        if (!acknowledged)
        {
            Close(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    /// <summary>The longest single wait for an expiry (Task.Delay's own limit is about 49 days).</summary>
    private static readonly TimeSpan _maxExpiryWait = TimeSpan.FromDays(1);

    private async Task KeepAliveAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, _endpoint.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token))
            {
                Send(GraphQLWebSocketMessageTypes.Ping);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
    }

    private void Send(string type, string? id = null, object? payload = null)
    {
        var json = _endpoint.Serializer.Serialize(new OperationMessage { Type = type, Id = id, Payload = payload });
        var queued = Interlocked.Increment(ref _queued);
        if (queued > MaxQueuedMessages)
        {
            Interlocked.Decrement(ref _queued);
            TransportLog.WebSocketClientTooSlow(Logger, queued);
            Close(GraphQLWebSocketCloseCodes.PolicyViolation, "Too many messages waiting to be sent");
            return;
        }

        if (!_outbox.Writer.TryWrite(new Outgoing(Encoding.UTF8.GetBytes(json), 0, null)))
        {
            // Closing: whatever comes after the close frame is dropped.
            Interlocked.Decrement(ref _queued);
        }
    }

    /// <summary>The single writer: sends queued messages in order and ends with the close frame.</summary>
    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync())
            {
                if (item.Message is { } message)
                {
                    Interlocked.Decrement(ref _queued);
                    if (_socket.State == WebSocketState.Open)
                    {
                        await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                    }

                    continue;
                }

                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)item.CloseCode, item.CloseReason, CancellationToken.None);
                }

                // The client has this long to answer our close frame before the receive loop gives up on it.
                _receiving.CancelAfter(_closeTimeout);
                return;
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is gone; the receive loop sees the same.
        }
    }

    /// <summary>A close reason must fit the 123 bytes of UTF-8 a close frame has room for.</summary>
    private static string CloseReason(string reason)
    {
        const int maxBytes = 123;
        if (Encoding.UTF8.GetByteCount(reason) <= maxBytes)
        {
            return reason;
        }

        var length = Math.Min(reason.Length, maxBytes);
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > maxBytes - 3)
        {
            length--;
        }

        return string.Concat(reason.AsSpan(0, length), "...");
    }

    /// <summary>A text message to send, or (with <see cref="Message"/> null) the close frame that ends the queue.</summary>
    private readonly record struct Outgoing(byte[]? Message, int CloseCode, string? CloseReason);
}
