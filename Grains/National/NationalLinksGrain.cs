using OurSociety.Federation.Common;
using OurSociety.Federation.Networks.Links;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.National;

/// <inheritdoc cref="INationalLinksGrain"/>
public sealed class NationalLinksGrain(
    [PersistentState("nationallinks", HubStorage.Name)] IPersistentState<NationalLinks> state) : Grain, INationalLinksGrain
{
    public async Task SetAsync(string network, long version, IReadOnlyList<LinkView> active)
    {
        if (state.State.Networks.TryGetValue(network, out var held) && held.Version >= version)
        {
            return;
        }

        state.State.Networks[network] = (version, [.. active]);
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    public Task<IReadOnlyList<LinkView>> GetLinksAsync()
    {
        var networks = state.State.Networks;
        bool Holds(string a, string b) => !networks.TryGetValue(a, out var links) || links.Active.Any(l => l.Peer == b);
        var graph = networks.Values.SelectMany(n => n.Active)
            .Where(l => string.CompareOrdinal(l.Network, l.Peer) < 0 || !networks.ContainsKey(l.Peer))
            .Where(l => Holds(l.Network, l.Peer) && Holds(l.Peer, l.Network))
            .Select(l => string.CompareOrdinal(l.Network, l.Peer) < 0 ? l : l with { Network = l.Peer, Peer = l.Network, Shares = l.PeerShares, PeerShares = l.Shares })
            .DistinctBy(l => (l.Network, l.Peer))
            .OrderBy(l => l.Network, StringComparer.Ordinal).ThenBy(l => l.Peer, StringComparer.Ordinal)
            .ToArray();
        return Task.FromResult<IReadOnlyList<LinkView>>(graph);
    }
}
