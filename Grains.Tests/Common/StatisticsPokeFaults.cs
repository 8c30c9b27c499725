using System.Collections.Concurrent;
using OurSociety.Federation.National;

namespace OurSociety.Federation.Grains.Tests.Common;

/// <summary>
/// Drops the next feed pokes (those carrying written items) to a chosen network's statistics, as a lost one-way message
/// would: the items are durable in the feed, the statistics never hear of them from the poke.
/// </summary>
public sealed class StatisticsPokeFaults : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> _faults = new(StringComparer.Ordinal);

    /// <summary>Drops the next <paramref name="count"/> feed pokes to <c>stats:{slug}</c>.</summary>
    public static void DropNextFeedPokes(string slug, int count) => _faults["stats:" + slug] = count;

    /// <summary>How many armed drops for <paramref name="slug"/> have not happened yet.</summary>
    public static int Left(string slug) => _faults.GetValueOrDefault("stats:" + slug);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name == nameof(INetworkStatisticsGrain.PokeAsync)
            && context.Request.GetArgument(0) is FeedWritten
            && context.TargetId.Key.ToString() is { } key
            && _faults.TryGetValue(key, out var left)
            && left > 0
            && _faults.TryUpdate(key, left - 1, left))
        {
            return Task.CompletedTask;
        }

        return context.Invoke();
    }
}
