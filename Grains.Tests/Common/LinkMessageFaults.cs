using System.Collections.Concurrent;

namespace OurSociety.Federation.Grains.Tests.Common;

/// <summary>
/// Loses link messages on their way into chosen network grains, as a network fault or a crashed silo would: the
/// message is refused before the grain sees it, and the sender (a one-way call) never learns of it.
/// </summary>
public sealed class LinkMessageFaults : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> _toDrop = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> _dropped = new(StringComparer.Ordinal);

    /// <summary>Loses the next <paramref name="count"/> link messages sent to network <paramref name="slug"/>.</summary>
    public static void DropNext(string slug, int count) => _toDrop[slug] = count;

    /// <summary>How many messages to <paramref name="slug"/> have been lost so far.</summary>
    public static int Dropped(string slug) => _dropped.GetValueOrDefault(slug);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name == "ReceiveLinkAsync"
            && context.TargetId.Key.ToString() is { } key && key.StartsWith("net:", StringComparison.Ordinal)
            && _toDrop.TryGetValue(key[4..], out var left) && left > 0
            && _toDrop.TryUpdate(key[4..], left - 1, left))
        {
            _dropped.AddOrUpdate(key[4..], 1, (_, n) => n + 1);
            throw new TimeoutException("Link message lost (injected fault).");
        }

        return context.Invoke();
    }
}
