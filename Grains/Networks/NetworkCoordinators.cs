using OurSociety.Federation.Access;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Networks;

public static class NetworkCoordinators
{
    /// <summary>
    /// Whether <paramref name="caller"/> coordinates network <paramref name="slug"/>: the caller's index says so (no grain
    /// call otherwise) and the network's own list confirms it.
    /// </summary>
    public static async Task<bool> IsCoordinatorAsync(this IGrainFactory grains, Caller caller, string slug) =>
        !caller.IsAnonymous && caller.Networks.Contains(slug, StringComparer.Ordinal)
        && (await grains.GetNetwork(slug).GetCoordinatorsAsync(caller))?.Contains(caller.Subject) == true;
}
