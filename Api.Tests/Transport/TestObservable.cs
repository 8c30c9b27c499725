namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>An observable whose subscribe action the test writes; the returned action runs when the subscription is disposed.</summary>
public sealed class TestObservable<T>(Func<IObserver<T>, Action> subscribe) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer) => new Subscription(subscribe(observer));

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
