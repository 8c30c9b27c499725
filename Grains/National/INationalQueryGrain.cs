using OurSociety.Federation.Access;

namespace OurSociety.Federation.National;

/// <summary>
/// Reads the national view (a stateless worker, key <c>national</c>): one call per week and shard, whatever the number
/// of activities, then suppression. Anyone gets public activity; national viewers and admins also what networks opted in.
/// </summary>
[Alias("INationalQueryGrain")]
public interface INationalQueryGrain : IGrainWithStringKey
{
    /// <summary>The national answer for <paramref name="query"/> as <paramref name="caller"/> may see it, suppression applied.</summary>
    [Alias("GetReportAsync")]
    Task<NationalReport> GetReportAsync(Caller caller, NationalQuery query);
}
