using Microsoft.Extensions.Options;
using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.National;

/// <inheritdoc cref="INationalQueryGrain"/>
/// <remarks>
/// A week's answer depends only on its counts, so the silo keeps the weeks its activations settled
/// (<see cref="SettledWeeks"/>), by the versions of the week's grains: an answer asks each week grain its version (one
/// small call), and reads and settles again only the weeks that changed. A year's answer costs about the same at ten
/// thousand activities as at ten million.
/// </remarks>
[StatelessWorker]
public sealed class NationalQueryGrain(IOptions<NationalOptions> options, SettledWeeks kept) : Grain, INationalQueryGrain
{
    /// <summary>How many week grains one answer reads at once.</summary>
    public const int MaxFanout = 32;

    public async Task<NationalReport> GetReportAsync(Caller caller, NationalQuery query)
    {
        var threshold = options.Value.SuppressionThreshold;
        var weeks = NationalWeeks.Between(query.From, query.To);
        var scope = caller.Has(HubRoles.NationalViewer) || caller.Has(HubRoles.Admin) ? NationalScope.Consented : NationalScope.Public;
        var lattice = Suppression.LatticeOf(query.GroupBy);
        var shards = weeks.SelectMany(w => Enumerable.Range(0, NationalWeeks.Shards).Select(n => NationalWeeks.Key(w, n))).ToArray();
        var versions = await Fanout.RunAsync(shards, MaxFanout, key => GrainFactory.Get<INationalWeekGrain>(key).GetVersionAsync());

        var settled = new SettledWeeks.Week[weeks.Count];
        var changed = new List<int>();
        for (var w = 0; w < weeks.Count; w++)
        {
            if (kept.TryGet(new SettledWeeks.Key(weeks[w], scope, query.GroupBy, threshold, Versions(versions.AsSpan(w * NationalWeeks.Shards, NationalWeeks.Shards))), out var known))
            {
                settled[w] = known;
            }
            else
            {
                changed.Add(w);
            }
        }

        var parts = await Fanout.RunAsync(
            changed.SelectMany(w => Enumerable.Range(0, NationalWeeks.Shards).Select(n => shards[(w * NationalWeeks.Shards) + n])).ToArray(),
            MaxFanout,
            key => GrainFactory.Get<INationalWeekGrain>(key).GetTablesAsync(scope, lattice));
        for (var i = 0; i < changed.Count; i++)
        {
            var w = changed[i];
            var week = WeekTables.Empty(lattice);
            var read = new long[NationalWeeks.Shards];
            for (var n = 0; n < NationalWeeks.Shards; n++)
            {
                var part = parts[(i * NationalWeeks.Shards) + n];
                week = week.Plus(part);
                read[n] = part.Version;
            }

            settled[w] = Settle(weeks[w], week, query.GroupBy, threshold);
            kept.Keep(new SettledWeeks.Key(weeks[w], scope, query.GroupBy, threshold, Versions(read)), settled[w]);
        }

        var funnel = new Funnel(threshold);
        foreach (var week in settled)
        {
            funnel.Add(week.Introductions, week.WantsMet);
        }

        return new NationalReport(
            scope, threshold, weeks, [.. settled.SelectMany(s => s.Cells)], [.. settled.Select(s => s.Total)], funnel.Published(),
            [.. settled.Select(s => s.Newcomers)], [.. settled.Select(s => s.Joined)]);
    }

    /// <summary>One week's answer for a grouping, suppression applied.</summary>
    private static SettledWeeks.Week Settle(string name, WeekTables week, NationalDimension groupBy, int threshold)
    {
        var hidden = Suppression.Suppress(week, threshold);
        var suppressed = hidden[groupBy];
        var cells = week.Tables[groupBy]
            .OrderBy(c => c.Key.Region, StringComparer.Ordinal).ThenBy(c => c.Key.Network, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Kind).ThenBy(c => c.Key.Theme, StringComparer.Ordinal)
            .Select(c => Cell(name, c.Key, c.Value, suppressed.Contains(c.Key)))
            .ToArray();
        var total = week.Tables[NationalDimension.None].GetValueOrDefault(default);
        // The week's total as suppression settled it: hidden when small, and also when a line of one cell (a week in one
        // region, say) had that cell hidden beside another, since the total would give it away.
        return new SettledWeeks.Week(
            cells,
            Cell(name, default, total, hidden[NationalDimension.None].Contains(default)),
            Single(name, week.Newcomers, threshold),
            Single(name, week.Joined, threshold),
            week.Introductions,
            week.WantsMet);
    }

    private static string Versions(ReadOnlySpan<long> versions) => string.Join(',', versions.ToArray());

    /// <summary>A total that is not part of any table: published when zero or at least the threshold.</summary>
    private static NationalCell Single(string week, long count, int threshold) => Cell(week, default, count, !Suppression.Publishes(count, threshold));

    private static NationalCell Cell(string week, CellKey key, long count, bool suppressed) =>
        new(week, key.Region, key.Network, key.Kind, key.Theme is "" ? null : key.Theme, suppressed ? null : count, suppressed);

    /// <summary>
    /// The introductions funnel over a range, settled week by week: each count of the range is the sum of its weeks, and
    /// is published only if every week's count would be published alone (zero, or at least the threshold). So two
    /// overlapping ranges that both publish a count differ by weeks that could each be published anyway.
    /// </summary>
    private sealed class Funnel(int threshold)
    {
        private readonly long[] _sums = new long[6];
        private readonly bool[] _hidden = new bool[6];

        public void Add(IntroductionCounts i, long wantsMet)
        {
            long[] week = [i.Requested, i.Connected, i.Declined, i.Expired, i.Met, wantsMet];
            for (var k = 0; k < week.Length; k++)
            {
                _sums[k] += week[k];
                _hidden[k] |= !Suppression.Publishes(week[k], threshold);
            }
        }

        public NationalFunnel Published()
        {
            long? P(int k) => _hidden[k] ? null : _sums[k];
            return new NationalFunnel(P(0), P(1), P(2), P(3), P(4), P(5));
        }
    }
}
