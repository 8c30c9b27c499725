using System.Collections.Concurrent;
using OurSociety.Federation.Access;
using OurSociety.Federation.National;
using OurSociety.Federation.Networks.Links;

namespace OurSociety.Federation.Api.National;

/// <summary>One request's national view: who asks and the range; each grouping is read once from the grains.</summary>
public sealed class NationalView(IGrainFactory grains, Caller caller, DateTimeOffset from, DateTimeOffset to)
{
    /// <summary>How far back the view reaches when no <c>from</c> is given.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(52 * 7);

    private readonly ConcurrentDictionary<NationalDimension, Task<NationalReport>> _reports = new();

    private Task<NationalReport>? _first;

    public Task<NationalReport> ReportAsync(NationalDimension groupBy) =>
        _reports.GetOrAdd(groupBy, g =>
        {
            var report = grains.GetGrain<INationalQueryGrain>("national").GetReportAsync(caller, new NationalQuery(from, to, g));
            _first ??= report;
            return report;
        });

    /// <summary>
    /// A report of any grouping, for what every grouping answers the same (week totals, the funnel, scope, threshold,
    /// weeks): the one this request already asked for, so a query with cells and totals reads the weeks once.
    /// </summary>
    public Task<NationalReport> AnyReportAsync() => _first ?? ReportAsync(NationalDimension.None);

    public Task<IReadOnlyList<LinkView>> LinksAsync() => grains.GetGrain<INationalLinksGrain>(NationalLinks.Key).GetLinksAsync();

    /// <summary>The range asked for, with defaults (the last 52 weeks up to now), checked as every answer checks it.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now)
    {
        var end = to ?? now;
        var start = from ?? end - DefaultRange;
        _ = NationalWeeks.Between(start, end);
        return (start, end);
    }
}
