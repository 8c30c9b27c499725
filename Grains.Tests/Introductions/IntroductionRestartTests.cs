using Microsoft.Extensions.Time.Testing;
using OurSociety.Federation.Common;
using OurSociety.Federation.Grains.Tests.Storage;
using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.Grains.Tests.Introductions;

/// <summary>
/// Introductions in flight survive a full restart of the host on each durable backend, and their reminders, loaded
/// again from the backend's reminder table, still fire when the clock reaches them.
/// </summary>
public abstract class IntroductionRestartTests<TBackend>(TBackend backend) : IClassFixture<TBackend>
    where TBackend : class, IStorageBackend
{
    [BackendFact]
    public async Task Introductions_in_flight_survive_a_restart_and_their_reminders_still_fire_afterwards()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        IntroductionWorld w;
        string halfway, waiting;
        await using (var silo = await HubTestSilo.StartAsync(backend.Settings, time))
        {
            w = await IntroductionWorld.CreateAsync(silo.Client);
            halfway = (await silo.Client.GetIntroduction(IntroductionWorld.NewId()).RequestAsync(w.NorthCoordinator, w.Brokered())).Id;
            await silo.Client.GetIntroduction(halfway).RespondAsync(w.PersonA, null, accept: true);
            waiting = (await silo.Client.GetIntroduction(IntroductionWorld.NewId()).RequestAsync(
                w.NorthCoordinator, new RequestIntroduction(w.C.Id, w.B.Id, "Both run lunch clubs.", w.North, null, null))).Id;
        }

        await using var restarted = await HubTestSilo.StartAsync(backend.Settings, time);
        var grains = restarted.Client;

        // The half-answered one is where it was, everywhere, and can be finished.
        Assert.Equal(IntroductionState.AcceptedByOne, (await grains.GetIntroduction(halfway).GetAsync(w.PersonB))!.State);
        Assert.Equal(IntroductionState.AcceptedByOne, (await grains.GetInbox(w.B.Id).GetAsync(w.PersonB, halfway))!.State);
        Assert.Equal(IntroductionState.Connected, (await grains.GetIntroduction(halfway).RespondAsync(w.PersonB, null, accept: true)).State);
        Assert.Equal("hello0@example.org", (await grains.GetOrganisation(w.A.Id).GetContactAsync(w.PersonB))?.Email);

        // The unanswered one is nudged at half-time and expires at its deadline, by its reminder alone: the clock jumps
        // to shortly before each, then steps through it.
        var view = (await grains.GetInbox(w.B.Id).GetAsync(w.PersonB, waiting))!;
        async Task<IntroductionView> InboxAsync() => (await grains.GetInbox(w.B.Id).GetAsync(w.PersonB, waiting))!;
        var nudgeAt = view.RequestedAt + ((view.ExpiresAt - view.RequestedAt) / 2);
        time.Advance(nudgeAt - time.GetUtcNow() - TimeSpan.FromMinutes(30));
        Assert.False((await InboxAsync()).Reminded);
        Assert.True(await HubTestSilo.AdvanceUntilAsync(time, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2), async () => (await InboxAsync()).Reminded));
        time.Advance(view.ExpiresAt - time.GetUtcNow() - TimeSpan.FromMinutes(30));
        Assert.Equal(IntroductionState.Requested, (await InboxAsync()).State);
        Assert.True(await HubTestSilo.AdvanceUntilAsync(time, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2), async () => (await InboxAsync()).State == IntroductionState.Expired));
        var expired = (await grains.GetInbox(w.B.Id).GetAsync(w.PersonB, waiting))!;
        Assert.True(expired.Reminded);
        Assert.True(time.GetUtcNow() >= expired.ExpiresAt - TimeSpan.FromSeconds(1));
        Assert.Equal(IntroductionState.Expired, (await grains.GetIntroductionLedger(w.North, waiting).GetAsync(w.NorthCoordinator, waiting))!.State);
        Assert.Equal(new IntroductionCounts(2, 1, 0, 1, 0, 0), await grains.GetIntroductionCountsAsync(w.North));
    }
}

public sealed class SqliteIntroductionRestartTests(SqliteBackend backend) : IntroductionRestartTests<SqliteBackend>(backend);

[RequiresPostgreSql]
public sealed class PostgreSqlIntroductionRestartTests(PostgreSqlBackend backend) : IntroductionRestartTests<PostgreSqlBackend>(backend);
