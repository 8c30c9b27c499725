using Microsoft.Extensions.Options;
using OurSociety.Federation.Access;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.National;

/// <inheritdoc cref="INationalQueryGrain"/>
[StatelessWorker]
public sealed class NationalQueryGrain(IOptions<NationalOptions> options) : Grain, INationalQueryGrain
{
    /// <summary>How many week grains one answer reads at once.</summary>
    public const int MaxFanout = 32;

    public async Task<NationalReport> GetReportAsync(Caller caller, NationalQuery query)
    {
        var threshold = options.Value.SuppressionThreshold;
        var weeks = NationalWeeks.Between(query.From, query.To);
        var scope = caller.Has(HubRoles.NationalViewer) || caller.Has(HubRoles.Admin) ? NationalScope.Consented : NationalScope.Public;
        var shards = weeks.SelectMany(w => Enumerable.Range(0, NationalWeeks.Shards).Select(n => (Week: w, Shard: n))).ToArray();
        var parts = await Fanout.RunAsync(shards, MaxFanout, s =>
            GrainFactory.GetGrain<INationalWeekGrain>(NationalWeeks.Key(s.Week, s.Shard)).GetTablesAsync(scope, Suppression.LatticeOf(query.GroupBy)));

        var cells = new List<NationalCell>();
        var totals = new List<NationalCell>();
        var funnel = (Introductions: OurSociety.Federation.Introductions.IntroductionCounts.None, WantsMet: 0L);
        for (var w = 0; w < weeks.Count; w++)
        {
            var week = WeekTables.Empty(Suppression.LatticeOf(query.GroupBy));
            for (var n = 0; n < NationalWeeks.Shards; n++)
            {
                week = week.Plus(parts[(w * NationalWeeks.Shards) + n]);
            }

            var suppressed = Suppression.Suppress(week, threshold)[query.GroupBy];
            cells.AddRange(week.Tables[query.GroupBy]
                .OrderBy(c => c.Key.Region, StringComparer.Ordinal).ThenBy(c => c.Key.Network, StringComparer.Ordinal)
                .ThenBy(c => c.Key.Kind).ThenBy(c => c.Key.Theme, StringComparer.Ordinal)
                .Select(c => Cell(weeks[w], c.Key, c.Value, suppressed.Contains(c.Key))));
            var total = week.Tables[NationalDimension.None].GetValueOrDefault(default);
            totals.Add(Cell(weeks[w], default, total, !Suppression.Publishes(total, threshold)));
            funnel = (funnel.Introductions.Plus(week.Introductions), funnel.WantsMet + week.WantsMet);
        }

        var i = funnel.Introductions;
        long? Published(long n) => Suppression.Publishes(n, threshold) ? n : null;
        return new NationalReport(
            scope, threshold, weeks, cells, totals,
            new NationalFunnel(Published(i.Requested), Published(i.Connected), Published(i.Declined), Published(i.Expired), Published(i.Met), Published(funnel.WantsMet)));
    }

    private static NationalCell Cell(string week, CellKey key, long count, bool suppressed) =>
        new(week, key.Region, key.Network, key.Kind, key.Theme is "" ? null : key.Theme, suppressed ? null : count, suppressed);
}
