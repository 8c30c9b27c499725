using System.Collections.Concurrent;

namespace OurSociety.Federation.Grains.Tests.Common;

/// <summary>
/// Fails the next seal of a chosen feed segment after the segment has stored it and before the feed hears back, as a
/// crashed silo or a lost reply would: the segment holds the items, the feed does not know.
/// </summary>
public sealed class FeedSegmentFaults : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> _faults = new(StringComparer.Ordinal);

    /// <summary>Fails the next <paramref name="count"/> seals of segment <paramref name="key"/> once they are applied.</summary>
    public static void FailNextSealsAfterApplied(string key, int count = 1) => _faults[key] = count;

    /// <summary>How many armed faults of <paramref name="key"/> have not fired yet.</summary>
    public static int Left(string key) => _faults.GetValueOrDefault(key);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.InterfaceMethod.Name == "SealAsync"
            && context.TargetId.Key.ToString() is { } key
            && _faults.TryGetValue(key, out var left)
            && left > 0
            && _faults.TryUpdate(key, left - 1, left))
        {
            throw new TimeoutException("Segment sealed but the reply was lost (injected fault).");
        }
    }
}
