using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.Grains.Tests.Introductions;

/// <summary>
/// On a cluster of its own: its thousand activations would otherwise make every later test that moves the shared fake
/// clock by months pay for Orleans' activation collector stepping through each minute of it.
/// </summary>
[Collection(RaceClusterCollection.Name)]
public sealed class IntroductionRaceTests(ClusterFixture fixture)
{
    private const int Count = 1000;

    private static readonly IntroductionState[] _ends =
        [IntroductionState.Connected, IntroductionState.Declined, IntroductionState.Expired, IntroductionState.Withdrawn];

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_thousand_introductions_raced_by_answers_withdrawals_and_expiry_each_end_once_and_every_list_agrees()
    {
        var w = await IntroductionWorld.CreateAsync(_grains);
        var ids = Enumerable.Range(0, Count).Select(_ => IntroductionWorld.NewId()).ToArray();
        Caller BrokerOf(int i) => i % 2 == 0 ? w.NorthCoordinator : w.WestCoordinator;
        await Task.WhenAll(ids.Select((id, i) => _grains.GetIntroduction(id).RequestAsync(
            BrokerOf(i), new RequestIntroduction(w.A.Id, w.B.Id, $"Introduction {i}", i % 2 == 0 ? w.North : w.West, null, null))));

        // Everything at once: A says yes to all; B says yes to most and no to every third; the broker withdraws every
        // fourth. Then the deadline passes, and every fifth (which B had not answered) is ticked by its reminder while
        // B's answer and some withdrawals arrive.
        static async Task Race(Func<Task> act)
        {
            await Task.Yield();
            try
            {
                await act();
            }
            catch (HubException e) when (e.Code is ErrorCodes.IntroductionClosed)
            {
                // Lost the race to another ending: that is the point.
            }
        }

        var races = new List<Task>();
        var late = new List<Func<Task>>();
        for (var i = 0; i < Count; i++)
        {
            var intro = _grains.GetIntroduction(ids[i]);
            var broker = BrokerOf(i);
            var accept = i % 3 != 0;
            races.Add(Race(() => intro.RespondAsync(w.PersonA, null, accept: true)));
            if (i % 5 == 0)
            {
                late.Add(() => IntroductionTests.TickAsync(_grains, intro));
                late.Add(() => intro.RespondAsync(w.PersonB, null, accept));
                if (i % 4 == 0)
                {
                    late.Add(() => intro.WithdrawAsync(broker));
                }
            }
            else
            {
                races.Add(Race(() => intro.RespondAsync(w.PersonB, null, accept)));
                if (i % 4 == 0)
                {
                    races.Add(Race(() => intro.WithdrawAsync(broker)));
                }
            }
        }

        await Task.WhenAll(races);
        fixture.Time.Advance(TimeSpan.FromDays(15));
        await Task.WhenAll(late.Select(Race));
        await IntroductionTests.TickAsync(_grains, [.. ids.Select(_grains.GetIntroduction)]);

        // Each introduction ended exactly once, and both inboxes and the broker's records hold that same ending.
        var finals = await Task.WhenAll(ids.Select((id, i) => _grains.GetIntroduction(id).GetAsync(BrokerOf(i))));
        Assert.All(finals, f => Assert.Contains(f!.State, _ends));
        // Each list's own record of how each one ended (what it filters and counts on), read back by state.
        foreach (var (pages, brokered) in new (Func<IntroductionState, IntroductionPosition?, Task<Page<IntroductionView>?>> Pages, Func<int, bool> Brokered)[]
        {
            ((s, after) => _grains.GetInbox(w.A.Id).GetPageAsync(w.PersonA, after, 100, s), _ => true),
            ((s, after) => _grains.GetInbox(w.B.Id).GetPageAsync(w.PersonB, after, 100, s), _ => true),
            ((s, after) => _grains.GetLedgerPageAsync(w.NorthCoordinator, w.North, after, 100, s), i => i % 2 == 0),
            ((s, after) => _grains.GetLedgerPageAsync(w.WestCoordinator, w.West, after, 100, s), i => i % 2 == 1),
        })
        {
            foreach (var end in _ends)
            {
                var expected = ids.Where((_, i) => brokered(i) && finals[i]!.State == end).ToHashSet(StringComparer.Ordinal);
                var held = await AllAsync(pages, end);
                Assert.Equal(expected.Order(StringComparer.Ordinal), held.Order(StringComparer.Ordinal));
            }
        }

        // Each network counted its own half once: every request, and exactly one ending each.
        foreach (var (slug, parity) in new[] { (w.North, 0), (w.West, 1) })
        {
            var mine = finals.Where((_, i) => i % 2 == parity).ToArray();
            var expected = new IntroductionCounts(
                mine.Length,
                mine.Count(f => f!.State == IntroductionState.Connected),
                mine.Count(f => f!.State == IntroductionState.Declined),
                mine.Count(f => f!.State == IntroductionState.Expired),
                mine.Count(f => f!.State == IntroductionState.Withdrawn),
                0);
            Assert.Equal(expected, await _grains.GetIntroductionCountsAsync(slug));
        }

        // Every ending happened somewhere in the mix.
        Assert.All(_ends, end => Assert.Contains(finals, f => f!.State == end));
    }


    /// <summary>Every introduction a list holds in state <paramref name="state"/>, page by page.</summary>
    private static async Task<List<string>> AllAsync(Func<IntroductionState, IntroductionPosition?, Task<Page<IntroductionView>?>> pages, IntroductionState state)
    {
        var held = new List<string>();
        IntroductionPosition? after = null;
        while (true)
        {
            var page = (await pages(state, after))!;
            Assert.All(page.Items, v => Assert.Equal(state, v.State));
            held.AddRange(page.Items.Select(v => v.Id));
            if (!page.HasMore || page.Items.Count == 0)
            {
                return held;
            }

            after = IntroductionPosition.Of(page.Items[^1]);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RaceClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "introduction races";
}
