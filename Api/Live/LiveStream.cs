using System.Threading.Channels;

namespace OurSociety.Federation.Api.Live;

/// <summary>
/// One live reader's stream: events are queued (bounded; the oldest give way when a reader falls far behind) and
/// handed to the subscriber one at a time on its own task, so a slow reader never holds up the Orleans callback that
/// feeds every reader. <see cref="End"/> ends the stream from this side (the subscriber hears it complete);
/// <see cref="Dispose"/> is the subscriber leaving (it hears nothing more). <paramref name="onDispose"/> runs once, when the subscriber goes.
/// </summary>
public sealed class LiveStream<T>(int capacity, Action<LiveStream<T>> onDispose) : IObservable<T>, IDisposable
{
    private readonly Channel<T> _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    private int _subscribed;
    private int _disposed;

    /// <summary>Queues an event; false once the stream has ended.</summary>
    public bool Offer(T value) => _queue.Writer.TryWrite(value);

    public IDisposable Subscribe(IObserver<T> observer)
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            throw new InvalidOperationException("A live stream has one subscriber.");
        }

        _ = PumpAsync(observer);
        return this;
    }

    /// <summary>Ends the stream: what is queued is delivered, then the subscriber hears it complete.</summary>
    public void End() => _queue.Writer.TryComplete();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _queue.Writer.TryComplete();
            onDispose(this);
        }
    }

    private async Task PumpAsync(IObserver<T> observer)
    {
        try
        {
            await foreach (var value in _queue.Reader.ReadAllAsync())
            {
                if (Volatile.Read(ref _disposed) == 1)
                {
                    return;
                }

                observer.OnNext(value);
            }

            // A subscriber that left hears nothing more; one whose stream was ended here hears it complete.
            if (Volatile.Read(ref _disposed) == 0)
            {
                observer.OnCompleted();
            }
        }
        catch (Exception e)
        {
            observer.OnError(e);
        }
    }
}
