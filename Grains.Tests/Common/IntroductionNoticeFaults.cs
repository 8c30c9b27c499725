using System.Collections.Concurrent;

namespace OurSociety.Federation.Grains.Tests.Common;

/// <summary>
/// Fails introduction notices on their way into chosen lists (an inbox or a network's records), as a network fault or
/// a crashed silo would: either before the list sees the notice, or after it has applied it and before the sender hears
/// back (so the sender must send it again and the list must not apply it twice).
/// </summary>
public sealed class IntroductionNoticeFaults : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, (int Before, int After)> _faults = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> _failed = new(StringComparer.Ordinal);

    /// <summary>
    /// Fails the next <paramref name="before"/> notices to list <paramref name="key"/> before they arrive, then the next
    /// <paramref name="after"/> after they were applied.
    /// </summary>
    public static void FailNext(string key, int before, int after) => _faults[key] = (before, after);

    /// <summary>How many notices to <paramref name="key"/> have been failed so far.</summary>
    public static int Failed(string key) => _failed.GetValueOrDefault(key);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name != "ReceiveAsync" || context.TargetId.Key.ToString() is not { } key || !_faults.TryGetValue(key, out var left))
        {
            await context.Invoke();
            return;
        }

        if (left.Before > 0 && _faults.TryUpdate(key, (left.Before - 1, left.After), left))
        {
            _failed.AddOrUpdate(key, 1, (_, n) => n + 1);
            throw new TimeoutException("Introduction notice lost before delivery (injected fault).");
        }

        await context.Invoke();
        if (left.Before == 0 && left.After > 0 && _faults.TryUpdate(key, (0, left.After - 1), left))
        {
            _failed.AddOrUpdate(key, 1, (_, n) => n + 1);
            throw new TimeoutException("Introduction notice applied but its confirmation lost (injected fault).");
        }
    }
}
