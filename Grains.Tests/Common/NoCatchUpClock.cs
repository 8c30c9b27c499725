using Microsoft.Extensions.Time.Testing;

namespace OurSociety.Federation.Grains.Tests.Common;

/// <summary>
/// The test cluster's clock: a <see cref="FakeTimeProvider"/> whose periodic timers, like real ones, do not catch up.
/// The fake provider fires a periodic timer once for every period a jump passes over, so moving the clock on by a
/// week fired Orleans' 100 ms thread-pool stall sampler six million times in a row; here a periodic timer fires at most
/// once per jump and keeps its period from then on. One-shot timers and delays are the fake provider's own.
/// </summary>
public sealed class NoCatchUpClock(FakeTimeProvider time) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override long GetTimestamp() => time.GetTimestamp();

    public override long TimestampFrequency => time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        IsPeriodic(period) ? new PeriodicTimer(time, callback, state, dueTime, period) : time.CreateTimer(callback, state, dueTime, period);

    private static bool IsPeriodic(TimeSpan period) => period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan;

    /// <summary>A one-shot fake timer armed again, one period from the clock's now, after each callback (unless it changed the timer).</summary>
    private sealed class PeriodicTimer : ITimer
    {
        private readonly Lock _lock = new();
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _timer;
        private TimeSpan _period;
        private int _changes;
        private bool _disposed;

        public PeriodicTimer(FakeTimeProvider time, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _callback = callback;
            _state = state;
            _period = period;
            _timer = time.CreateTimer(static self => ((PeriodicTimer)self!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                if (_disposed)
                {
                    return false;
                }

                _period = period;
                _changes++;
                return _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _disposed = true;
                _timer.Dispose();
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Fire()
        {
            int changes;
            lock (_lock)
            {
                changes = _changes;
            }

            _callback(_state);
            lock (_lock)
            {
                // A callback that changed its timer has said when it fires next.
                if (!_disposed && changes == _changes && IsPeriodic(_period))
                {
                    _timer.Change(_period, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }
}
