using OurSociety.Federation.Common;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Networks;

/// <inheritdoc cref="INetworkDirectoryGrain"/>
/// <remarks>
/// One grain is enough: networks are created rarely and a country has hundreds of regional networks, not
/// millions. <see cref="MaxNetworks"/> bounds the state; the slug's uniqueness is the network grain's own.
/// </remarks>
public sealed class NetworkDirectoryGrain(
    [PersistentState("networkdirectory", HubStorage.Name)] IPersistentState<NetworkDirectoryState> state) : Grain, INetworkDirectoryGrain
{
    public const int MaxNetworks = 10_000;

    public async Task AddAsync(NetworkProfile network)
    {
        var networks = state.State.Networks;
        if (networks.Exists(n => n.Slug == network.Slug))
        {
            return;
        }

        if (networks.Count >= MaxNetworks)
        {
            throw new HubException(ErrorCodes.NetworkLimitReached, $"The hub lists at most {MaxNetworks} networks.");
        }

        networks.Add(new NetworkListing(network.Slug, network.Name, network.Region, networks.Count));
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    [ReadOnly]
    public Task<Page<NetworkListing>> GetPageAsync(int? after, int first, string? region)
    {
        Input.PageSize(first, 100, "first");
        var canonicalRegion = region is null ? null : Regions.Canonical(region, "region");
        var matching = state.State.Networks
            .Skip(after is { } a ? Math.Max(0, a + 1) : 0)
            .Where(n => canonicalRegion is null || n.Region == canonicalRegion);
        var page = matching.Take(first + 1).ToArray();
        var total = canonicalRegion is null ? state.State.Networks.Count : state.State.Networks.Count(n => n.Region == canonicalRegion);
        return Task.FromResult(new Page<NetworkListing>(page.Take(first).ToArray(), page.Length > first, total));
    }
}
