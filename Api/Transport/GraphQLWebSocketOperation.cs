using GraphQL;
using GraphQL.Execution;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// One operation started by a <c>subscribe</c>. It executes in a DI scope of its own (as an HTTP request would) and,
/// for a subscription, observes the result stream, sending each event as <c>next</c> until the stream completes or
/// fails, the client sends <c>complete</c>, or the connection ends; the subscription and the scope are disposed then.
/// Queries and mutations answer with one <c>next</c> and <c>complete</c>; a document that cannot run answers <c>error</c>.
/// </summary>
internal sealed class GraphQLWebSocketOperation(string id, GraphQLWebSocketConnection connection, CancellationToken connectionEnded)
    : IObserver<ExecutionResult>
{
    private readonly CancellationTokenSource _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connectionEnded);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _endedFlag;

    /// <summary>Completes once the subscription and the scope are disposed.</summary>
    public Task Finished => _finished.Task;

    public async Task RunAsync(GraphQLHttpRequest request)
    {
        try
        {
            await using var scope = connection.Scopes.CreateAsyncScope();
            ExecutionResult result;
            try
            {
                result = await connection.Executer.ExecuteAsync(new ExecutionOptions
                {
                    Query = request.Query,
                    OperationName = request.OperationName,
                    Variables = request.Variables,
                    Extensions = request.Extensions,
                    RequestServices = scope.ServiceProvider,
                    User = connection.User,
                    CancellationToken = _cancellation.Token,
                    // Bounds a query or mutation, and for a subscription only setting up its source stream: events are
                    // processed under the stream's own cancellation, not this one.
                    Timeout = connection.ExecutionTimeout,
                    TimeoutAction = TimeoutAction.ReturnTimeoutError,
                });
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                // The client completed the operation or went away: nobody to answer.
                return;
            }

            if (!result.Executed)
            {
                // Parse, validation or variable-coercion errors, or a timeout: the protocol's `error`, which ends the operation.
                if (TryEnd())
                {
                    connection.SendError(id, result.Errors ?? []);
                }

                return;
            }

            if (result.Streams is not { Count: > 0 } streams)
            {
                // A query or mutation, or a subscription whose source stream could not be set up (its errors are in the result).
                if (TryEnd())
                {
                    connection.SendNext(id, result);
                    connection.SendComplete(id);
                }

                return;
            }

            if (streams.Count > 1)
            {
                if (TryEnd())
                {
                    connection.SendError(id, [new ExecutionError("A subscription must select exactly one root field.")
                    {
                        Code = GraphQLWebSocketErrorCodes.SingleRootFieldRequired,
                    }]);
                }

                return;
            }

            // Disposed (detaching from the source, which disposes the resolver's subscription) before the scope. The end of
            // the connection stops it too, even if it started while the connection was already closing.
            using (streams.Values.Single().Subscribe(this))
            using (_cancellation.Token.Register(Stop))
            {
                await _ended.Task;
            }
        }
        catch (Exception exception)
        {
            TransportLog.WebSocketOperationFailed(connection.Logger, id, exception);
            if (TryEnd())
            {
                connection.SendError(id, [new ExecutionError("Internal server error.") { Code = TransportErrorCodes.Internal }]);
            }
        }
        finally
        {
            TryEnd();
            connection.Finished(this);
            _finished.TrySetResult();
        }
    }

    /// <summary>The client's <c>complete</c>, or the end of the connection: stop without a word back.</summary>
    public void Stop()
    {
        if (TryEnd())
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already over.
            }
        }
    }

    public void OnNext(ExecutionResult value)
    {
        if (Volatile.Read(ref _endedFlag) == 0)
        {
            connection.SendNext(id, value);
        }
    }

    /// <summary>
    /// The source stream failed. GraphQL.NET has already turned the exception into an error (through the app's and the
    /// transport's exception handlers); it goes out as a last <c>next</c> with errors, then <c>complete</c>.
    /// </summary>
    public void OnError(Exception error)
    {
        if (!TryEnd())
        {
            return;
        }

        if (error is not ExecutionError executionError)
        {
            TransportLog.WebSocketOperationFailed(connection.Logger, id, error);
            executionError = new ExecutionError("Internal server error.") { Code = TransportErrorCodes.Internal };
        }

        connection.SendNext(id, new ExecutionResult { Errors = [executionError] });
        connection.SendComplete(id);
    }

    public void OnCompleted()
    {
        if (TryEnd())
        {
            connection.SendComplete(id);
        }
    }

    /// <summary>
    /// True for the first caller only. Frees the id before the caller sends the final message, so a client may reuse
    /// it as soon as it reads that message, and lets <see cref="RunAsync"/> dispose the subscription.
    /// </summary>
    private bool TryEnd()
    {
        if (Interlocked.Exchange(ref _endedFlag, 1) != 0)
        {
            return false;
        }

        connection.Forget(id, this);
        _ended.TrySetResult();
        return true;
    }
}
