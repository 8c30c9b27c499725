namespace OurSociety.Federation.Common;

/// <summary>
/// Group commit for a reentrant grain's state. Callers change the in-memory state synchronously, then await
/// <see cref="WriteAsync"/>; while one write is in flight, every later caller joins the next write, which
/// includes all their changes. So a grain under load issues one storage write per batch instead of one per
/// call, never two writes at once (which would race on the ETag), and each caller returns only once a
/// write that includes its change is durable. Runs on the grain's single-threaded scheduler: no locks.
/// </summary>
public sealed class CoalescingWriter(Func<Task> write)
{
    private TaskCompletionSource? _next;
    private bool _draining;

    /// <summary>Completes when a write begun after this call has finished; faults if that write fails.</summary>
    public Task WriteAsync()
    {
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = _next.Task;
        if (!_draining)
        {
            _ = DrainAsync();
        }

        return task;
    }

    /// <summary>
    /// Asks for a write without waiting on it. Everyone who asks before the next write begins shares one task, observed
    /// once, so a failure is not left unobserved and asking costs nothing per caller; a caller that needs to know the
    /// outcome awaits <see cref="WriteAsync"/> instead.
    /// </summary>
    public void Request()
    {
        if (_next is null)
        {
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _next.Task.Ignore();
        }

        if (!_draining)
        {
            _ = DrainAsync();
        }
    }

    private async Task DrainAsync()
    {
        _draining = true;
        try
        {
            while (_next is { } batch)
            {
                _next = null;
                try
                {
                    await write();
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                }
            }
        }
        finally
        {
            _draining = false;
        }
    }
}
