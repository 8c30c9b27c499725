using GraphQL.DataLoader;

namespace OurSociety.Federation.Api.Common;

/// <summary>
/// Collects the keys that resolvers ask for while GraphQL.NET walks one level of a query, then fetches them in one
/// batch when the first result is awaited (the execution strategy awaits <see cref="IDataLoaderResult"/>s only after
/// every other pending field has run). Each key is fetched at most once per request. One instance per request.
/// </summary>
/// <param name="fetch">Fetches one batch of keys.</param>
/// <param name="tryGetKnown">Answers keys already known (a cache) at once, without joining a batch.</param>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    BatchLoader<TKey, TValue>.TryGet? tryGetKnown = null)
    where TKey : notnull
{
    public delegate bool TryGet(TKey key, out TValue? value);

    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Task<TValue?>> _results = [];
    private Dictionary<TKey, TaskCompletionSource<TValue?>> _queued = [];

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        if (tryGetKnown is not null && tryGetKnown(key, out var known))
        {
            return new Known(known);
        }

        Task<TValue?>? result;
        lock (_gate)
        {
            if (!_results.TryGetValue(key, out result))
            {
                var pending = new TaskCompletionSource<TValue?>(TaskCreationOptions.RunContinuationsAsynchronously);
                _queued[key] = pending;
                _results[key] = result = pending.Task;
            }
        }

        return new Result(this, key, result);
    }

    /// <summary>
    /// Forgets the values already fetched, so the next load fetches afresh (or asks <c>tryGetKnown</c>). For requests that
    /// live long, such as a subscription, whose every event would otherwise add to what one request holds.
    /// </summary>
    public void ForgetFetched()
    {
        lock (_gate)
        {
            foreach (var key in _results.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToArray())
            {
                _results.Remove(key);
            }
        }
    }

    private async Task<TValue?> GetAsync(TKey key, Task<TValue?> result, CancellationToken cancellationToken)
    {
        Dictionary<TKey, TaskCompletionSource<TValue?>>? batch = null;
        lock (_gate)
        {
            if (_queued.Count > 0 && _queued.ContainsKey(key))
            {
                batch = _queued;
                _queued = [];
            }
        }

        if (batch is not null)
        {
            await DispatchAsync(batch, cancellationToken);
        }

        return await result;
    }

    private async Task DispatchAsync(Dictionary<TKey, TaskCompletionSource<TValue?>> batch, CancellationToken cancellationToken)
    {
        try
        {
            var values = await fetch([.. batch.Keys], cancellationToken);
            foreach (var (key, pending) in batch)
            {
                pending.TrySetResult(values.TryGetValue(key, out var value) ? value : default);
            }
        }
        catch (Exception e)
        {
            foreach (var pending in batch.Values)
            {
                pending.TrySetException(e);
            }
        }
    }

    private sealed class Known(TValue? value) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key, Task<TValue?> result) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, result, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
