using System.Collections.Concurrent;
using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.National;

/// <summary>
/// The weeks the silo's national query activations have settled (suppression applied), kept by the versions of the week's
/// grains, so a changed week is never answered from here. One per silo rather than one per activation: the runtime
/// removes idle stateless workers and starts new ones under load, and each new one would otherwise settle every week
/// of the range again (a second or two of CPU for a year of 240 networks).
/// </summary>
public sealed class SettledWeeks
{
    /// <summary>How many cells of settled weeks a silo keeps before it forgets them all.</summary>
    public const int MaxKeptCells = 200_000;

    private readonly ConcurrentDictionary<Key, Week> _weeks = new();
    private long _keptCells;

    /// <summary>The settled week for <paramref name="key"/>, if a query has settled it at exactly those versions.</summary>
    public bool TryGet(Key key, out Week week) => _weeks.TryGetValue(key, out week!);

    /// <summary>Keeps <paramref name="week"/>; over the budget, everything kept so far is forgotten first.</summary>
    public void Keep(Key key, Week week)
    {
        if (Interlocked.Read(ref _keptCells) + week.Cells.Count > MaxKeptCells)
        {
            _weeks.Clear();
            Interlocked.Exchange(ref _keptCells, 0);
        }

        if (_weeks.TryAdd(key, week))
        {
            Interlocked.Add(ref _keptCells, week.Cells.Count);
        }
    }

    /// <summary>What a settled week depends on: its name, who may see what, the grouping, the threshold, and each shard's version.</summary>
    public readonly record struct Key(string Week, NationalScope Scope, NationalDimension GroupBy, int Threshold, string Versions);

    /// <summary>One week's answer for a grouping, suppression applied.</summary>
    public sealed record Week(
        IReadOnlyList<NationalCell> Cells, NationalCell Total, NationalCell Newcomers, NationalCell Joined, IntroductionCounts Introductions, long WantsMet);
}
