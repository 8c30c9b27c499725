using OurSociety.Federation.Common;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.National;

/// <inheritdoc cref="INationalWeekGrain"/>
/// <remarks>
/// Reentrant: batches from many networks wait in memory and share one storage write (<see cref="CoalescingWriter"/>),
/// so a busy week costs one write per round of batches, not one per network.
/// </remarks>
[Reentrant]
public sealed class NationalWeekGrain(
    [PersistentState("nationalweek", HubStorage.Name)] IPersistentState<NationalWeekState> state) : Grain, INationalWeekGrain
{
    private readonly List<NationalBatch> _batches = [];
    private readonly List<(string Network, long Epoch)> _withdrawals = [];
    private CoalescingWriter? _writer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _writer = new CoalescingWriter(PersistAsync);
        return Task.CompletedTask;
    }

    public Task ApplyAsync(NationalBatch batch)
    {
        _batches.Add(batch);
        return _writer!.WriteAsync();
    }

    public Task WithdrawAsync(string network, long epoch)
    {
        _withdrawals.Add((network, epoch));
        return _writer!.WriteAsync();
    }

    public Task<long> GetVersionAsync() => Task.FromResult(state.State.Version);

    public Task<WeekTables> GetTablesAsync(NationalScope scope, NationalDimension dimensions)
    {
        var tables = WeekTables.Empty(dimensions);
        var introductions = Introductions.IntroductionCounts.None;
        var wantsMet = 0;
        long newcomers = 0, joined = 0;
        foreach (var (slug, week) in state.State.Networks)
        {
            var consented = scope == NationalScope.Consented && week.Epoch > week.WithdrawnEpoch;
            newcomers += week.Public.Newcomers + (consented ? week.Consented.Newcomers : 0);
            joined += week.Joined;
            foreach (var (subset, cells) in tables.Tables)
            {
                Add(cells, subset, slug, week.Region, week.Public);
                if (consented)
                {
                    Add(cells, subset, slug, week.Region, week.Consented);
                }
            }

            if (consented)
            {
                introductions = introductions.Plus(week.Introductions);
                wantsMet += week.WantsMet;
            }
        }

        return Task.FromResult(tables with { Introductions = introductions, WantsMet = wantsMet, Version = state.State.Version, Newcomers = newcomers, Joined = joined });
    }

    private static void Add(Dictionary<CellKey, long> cells, NationalDimension subset, string slug, string region, ActivityCounts counts)
    {
        var region_ = subset.HasFlag(NationalDimension.Region) ? region : null;
        var network = subset.HasFlag(NationalDimension.Network) ? slug : null;
        var byKind = subset.HasFlag(NationalDimension.Kind);
        if (subset.HasFlag(NationalDimension.Theme))
        {
            foreach (var (cell, n) in counts.Themes)
            {
                var key = new CellKey(region_, network, byKind ? cell.Kind : null, cell.Theme);
                cells[key] = cells.GetValueOrDefault(key) + n;
            }

            return;
        }

        foreach (var (kind, n) in counts.Kinds)
        {
            var key = new CellKey(region_, network, byKind ? kind : null, null);
            cells[key] = cells.GetValueOrDefault(key) + n;
        }
    }

    /// <summary>What <paramref name="network"/> has in this week, made empty if nothing yet.</summary>
    private NetworkWeek Of(string network)
    {
        var networks = state.State.Networks;
        if (!networks.TryGetValue(network, out var week))
        {
            networks[network] = week = new NetworkWeek();
        }

        return week;
    }

    private async Task PersistAsync()
    {
        foreach (var (network, epoch) in _withdrawals)
        {
            Of(network).Withdraw(epoch);
        }

        foreach (var batch in _batches)
        {
            Of(batch.Network).Apply(batch);
        }

        _withdrawals.Clear();
        _batches.Clear();
        state.State.Version = Random.Shared.NextInt64();
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }
}
