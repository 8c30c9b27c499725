using System.Collections.Concurrent;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>A scoped service with an id of its own, which records its disposal: shows which DI scope an operation ran in.</summary>
public sealed class ScopedMarker : IDisposable
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> _disposals = new(StringComparer.Ordinal);

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public static Task DisposedAsync(string id) => Disposal(id).Task;

    public void Dispose() => Disposal(Id).TrySetResult();

    private static TaskCompletionSource Disposal(string id) =>
        _disposals.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
