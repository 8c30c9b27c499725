using System.Collections.Concurrent;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>What happened to the <c>forever(key)</c> stream with a given key: each test uses a key of its own.</summary>
public sealed class StreamProbe
{
    private static readonly ConcurrentDictionary<string, StreamProbe> _probes = new(StringComparer.Ordinal);

    public TaskCompletionSource Subscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static StreamProbe For(string key) => _probes.GetOrAdd(key, _ => new StreamProbe());

    public static string NewKey() => Guid.NewGuid().ToString("N");
}
