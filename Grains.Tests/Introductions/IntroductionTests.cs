using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Introductions;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Grains.Tests.Introductions;

[Collection(ClusterCollection.Name)]
public sealed class IntroductionTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_brokered_introduction_connects_when_both_say_yes_and_only_then_each_sees_the_others_contact()
    {
        var w = await IntroductionWorld.CreateAsync(_grains);
        var intro = _grains.GetIntroduction(IntroductionWorld.NewId());

        var requested = await intro.RequestAsync(w.NorthCoordinator, w.Brokered());

        Assert.Equal((IntroductionState.Requested, IntroductionRole.Broker, w.North, w.West), (requested.State, requested.Role, requested.ANetwork, requested.BNetwork));
        await AssertContactsAsync(w, visible: false);
        Assert.Equal(IntroductionState.Requested, (await InboxAsync(w.A, w.PersonA, requested.Id))!.State);
        Assert.Equal(w.B.Id, (await InboxAsync(w.A, w.PersonA, requested.Id))!.Counterpart);

        var acceptedByOne = await intro.RespondAsync(w.PersonA, null, accept: true);
        Assert.Equal((IntroductionState.AcceptedByOne, IntroductionAnswer.Accepted), (acceptedByOne.State, acceptedByOne.YourAnswer));
        await AssertContactsAsync(w, visible: false);

        var connected = await intro.RespondAsync(w.PersonB, null, accept: true);

        Assert.Equal(IntroductionState.Connected, connected.State);
        await AssertContactsAsync(w, visible: true);
        Assert.Null(await _grains.GetOrganisation(w.B.Id).GetContactAsync(w.PersonC));
        Assert.Null(await _grains.GetOrganisation(w.B.Id).GetContactAsync(w.NorthCoordinator));

        // Every party's list agrees, and the broker's network counts it; the other network lists nothing it did not broker.
        Assert.Equal(IntroductionState.Connected, (await InboxAsync(w.B, w.PersonB, requested.Id))!.State);
        var brokered = await _grains.GetLedgerPageAsync(w.NorthCoordinator, w.North, null, 10, null);
        Assert.Equal([(requested.Id, IntroductionState.Connected, IntroductionRole.Broker, (string?)null)], brokered!.Items.Select(v => (v.Id, v.State, v.Role, v.Side)));
        Assert.Equal(new IntroductionCounts(1, 1, 0, 0, 0, 0), await _grains.GetIntroductionCountsAsync(w.North));
        Assert.Empty((await _grains.GetLedgerPageAsync(w.WestCoordinator, w.West, null, 10, null))!.Items);
        Assert.Equal(IntroductionCounts.None, await _grains.GetIntroductionCountsAsync(w.West));
    }

    [Fact]
    public async Task Asking_for_oneself_counts_as_yes_and_a_decline_is_not_taken_forward_without_saying_who()
    {
        var w = await IntroductionWorld.CreateAsync(_grains);
        var intro = _grains.GetIntroduction(IntroductionWorld.NewId());

        var asked = await intro.RequestAsync(w.PersonA, new RequestIntroduction(w.A.Id, w.B.Id, "We have vans; you need deliveries.", null, null, null));
        Assert.Equal((IntroductionState.AcceptedByOne, IntroductionAnswer.Accepted, IntroductionRole.Party), (asked.State, asked.YourAnswer, asked.Role));
        Assert.Equal(IntroductionAnswer.None, (await intro.GetAsync(w.PersonB))!.YourAnswer);

        var declined = await intro.RespondAsync(w.PersonB, w.B.Id, accept: false);

        Assert.Equal(IntroductionState.Declined, declined.State);
        var seenByAsker = (await intro.GetAsync(w.PersonA))!;
        Assert.Equal((IntroductionState.Declined, IntroductionAnswer.Accepted), (seenByAsker.State, seenByAsker.YourAnswer));
        Assert.Null(await _grains.GetOrganisation(w.B.Id).GetContactAsync(w.PersonA));
        Assert.Null(await _grains.GetOrganisation(w.A.Id).GetContactAsync(w.PersonB));

        // Nobody brokered it: no coordinator sees it, but the asker's network counts it.
        Assert.Null(await intro.GetAsync(w.NorthCoordinator));
        Assert.Empty((await _grains.GetLedgerPageAsync(w.NorthCoordinator, w.North, null, 10, null))!.Items);
        Assert.Equal(new IntroductionCounts(1, 0, 1, 0, 0, 0), await _grains.GetIntroductionCountsAsync(w.North));
    }

    [Fact]
    public async Task Bad_requests_get_a_code_and_make_nothing()
    {
        var w = await IntroductionWorld.CreateAsync(_grains);
        await _grains.GetInbox(w.C.Id).ChangePreferencesAsync(w.PersonC, false, [], []);
        await _grains.GetInbox(w.B.Id).ChangePreferencesAsync(w.PersonB, null, [w.A.Id], []);

        (Caller, RequestIntroduction, string)[] cases =
        [
            (w.NorthCoordinator, new(w.A.Id, w.A.Id, "Meet yourself.", w.North, null, null), ErrorCodes.IntroductionSelf),
            (w.NorthCoordinator, new(w.A.Id, w.D.Id, "No link.", w.North, null, null), ErrorCodes.LinkRequired),
            (w.PersonA, new(w.A.Id, w.D.Id, "No link.", null, null, null), ErrorCodes.LinkRequired),
            (w.NorthCoordinator, new(w.C.Id, w.B.Id, "C opted out.", w.North, null, null), ErrorCodes.OptedOut),
            (w.NorthCoordinator, new(w.A.Id, w.B.Id, "B blocked A.", w.North, null, null), ErrorCodes.OptedOut),
            (w.PersonC, new(w.A.Id, w.B.Id, "Not C's to ask.", null, null, null), ErrorCodes.Forbidden),
            (w.PersonA, new(w.A.Id, w.B.Id, "Not A's network to broker.", w.West, null, null), ErrorCodes.Forbidden),
            (w.WestCoordinator, new(w.A.Id, w.C.Id, "Neither is in West.", w.West, null, null), ErrorCodes.NotAMember),
            (Caller.Anonymous, new(w.A.Id, w.B.Id, "Anonymous.", w.North, null, null), ErrorCodes.Unauthenticated),
            (w.NorthCoordinator, new("org_nope", w.B.Id, "Bad id.", w.North, null, null), ErrorCodes.IdInvalid),
            (w.NorthCoordinator, new(w.A.Id, w.B.Id, "  ", w.North, null, null), ErrorCodes.Required),
            (w.NorthCoordinator, new(w.A.Id, w.C.Id, "An activity that is not there.", w.North, new ActivityRef(w.North, 999), null), ErrorCodes.ActivityNotFound),
        ];

        foreach (var (caller, request, code) in cases)
        {
            var intro = _grains.GetIntroduction(IntroductionWorld.NewId());
            var error = await Assert.ThrowsAsync<HubException>(() => intro.RequestAsync(caller, request));
            Assert.Equal(code, error.Code);
            Assert.DoesNotContain("@example.org", error.Message, StringComparison.Ordinal);
            Assert.Null(await intro.GetAsync(w.NorthCoordinator));
            Assert.Null(await intro.GetAsync(w.PersonA));
        }

        Assert.Empty((await _grains.GetInbox(w.A.Id).GetPageAsync(w.PersonA, null, 10, null))!.Items);
        Assert.Equal(IntroductionCounts.None, await _grains.GetIntroductionCountsAsync(w.North));
    }

    [Fact]
    public async Task An_answer_retried_with_its_client_request_id_changes_nothing_and_an_answer_again_without_it_is_refused()
    {
        var w = await IntroductionWorld.CreateAsync(_grains);
        var intro = _grains.GetIntroduction(IntroductionWorld.NewId());
        await intro.RequestAsync(w.NorthCoordinator, w.Brokered());
        var first = await intro.RespondAsync(w.PersonA, null, accept: true, clientRequestId: "answer-a");
        await intro.RespondAsync(w.PersonB, null, accept: true, clientRequestId: "answer-b");

        // The acknowledgements were lost: both retry after the introduction connected (when no answer is taken any more).
        var retriedA = await intro.RespondAsync(w.PersonA, null, accept: true, clientRequestId: "answer-a");
        var retriedB = await intro.RespondAsync(w.PersonB, null, accept: true, clientRequestId: "answer-b");

        Assert.Equal(IntroductionState.AcceptedByOne, first.State);
        Assert.Equal(IntroductionState.Connected, retriedA.State);
        Assert.Equal(IntroductionState.Connected, retriedB.State);
        Assert.Equal(retriedA.Version, retriedB.Version);
        Assert.Equal(ErrorCodes.IntroductionClosed, (await Assert.ThrowsAsync<HubException>(() => intro.RespondAsync(w.PersonA, null, accept: true))).Code);
        Assert.Equal(ErrorCodes.RequestIdReused, (await Assert.ThrowsAsync<HubException>(() => intro.RespondAsync(w.PersonA, null, accept: false, clientRequestId: "answer-a"))).Code);
        Assert.Equal(ErrorCodes.IntroductionClosed, (await Assert.ThrowsAsync<HubException>(() => intro.RespondAsync(w.PersonA, null, accept: true, clientRequestId: "another"))).Code);
        Assert.Equal(new IntroductionCounts(1, 1, 0, 0, 0, 0), await _grains.GetIntroductionCountsAsync(w.North));

        var open = _grains.GetIntroduction(IntroductionWorld.NewId());
        await open.RequestAsync(w.NorthCoordinator, w.Brokered());
        await open.RespondAsync(w.PersonA, null, accept: true, clientRequestId: "open-a");
        Assert.Equal(ErrorCodes.AlreadyAnswered, (await Assert.ThrowsAsync<HubException>(() => open.RespondAsync(w.PersonA, null, accept: true))).Code);
        Assert.Equal(ErrorCodes.AlreadyAnswered, (await Assert.ThrowsAsync<HubException>(() => open.RespondAsync(w.PersonA, null, accept: true, clientRequestId: "open-a2"))).Code);
        Assert.Equal(ErrorCodes.RequestIdInvalid, (await Assert.ThrowsAsync<HubException>(() => open.RespondAsync(w.PersonB, null, accept: true, clientRequestId: "not a valid id!"))).Code);
        Assert.Equal(IntroductionState.AcceptedByOne, (await open.GetAsync(w.NorthCoordinator))!.State);
    }

    [Fact]
    public async Task Bad_answers_get_a_code_and_change_nothing()
    {
        var w = await IntroductionWorld.CreateAsync(_grains);
        var intro = _grains.GetIntroduction(IntroductionWorld.NewId());
        await intro.RequestAsync(w.NorthCoordinator, w.Brokered());
        await intro.RespondAsync(w.PersonA, null, accept: true);
        var before = (await intro.GetAsync(w.NorthCoordinator))!;
        var asked = _grains.GetIntroduction(IntroductionWorld.NewId());
        await asked.RequestAsync(w.PersonA, new RequestIntroduction(w.A.Id, w.B.Id, "We have vans.", null, null, null));

        (Func<Task>, string)[] cases =
        [
            (() => intro.RespondAsync(w.PersonA, null, accept: false), ErrorCodes.AlreadyAnswered),
            (() => intro.RespondAsync(w.PersonC, null, accept: true), ErrorCodes.IntroductionNotFound),
            (() => intro.RespondAsync(w.PersonD, null, accept: false), ErrorCodes.IntroductionNotFound),
            (() => intro.RespondAsync(w.NorthCoordinator, null, accept: true), ErrorCodes.Forbidden),
            (() => intro.RespondAsync(w.PersonA, w.B.Id, accept: true), ErrorCodes.Forbidden),
            (() => intro.RespondAsync(Caller.Anonymous, null, accept: true), ErrorCodes.Unauthenticated),
            (() => intro.WithdrawAsync(Caller.Anonymous), ErrorCodes.Unauthenticated),
            (() => intro.AnswerCheckInAsync(Caller.Anonymous, null, met: true), ErrorCodes.Unauthenticated),
            (() => _grains.GetIntroduction(IntroductionWorld.NewId()).WithdrawAsync(Caller.Anonymous), ErrorCodes.Unauthenticated),
            (() => asked.WithdrawAsync(w.NorthCoordinator), ErrorCodes.IntroductionNotFound),
            (() => asked.WithdrawAsync(w.WestCoordinator), ErrorCodes.IntroductionNotFound),
            (() => asked.WithdrawAsync(w.PersonB), ErrorCodes.Forbidden),
            (() => intro.WithdrawAsync(w.PersonB), ErrorCodes.Forbidden),
            (() => intro.WithdrawAsync(w.WestCoordinator), ErrorCodes.IntroductionNotFound),
            (() => intro.WithdrawAsync(w.PersonC), ErrorCodes.IntroductionNotFound),
            (() => intro.AnswerCheckInAsync(w.PersonA, null, met: true), ErrorCodes.IntroductionNotConnected),
            (() => _grains.GetIntroduction(IntroductionWorld.NewId()).RespondAsync(w.PersonA, null, accept: true), ErrorCodes.IntroductionNotFound),
        ];

        foreach (var (act, code) in cases)
        {
            Assert.Equal(code, (await Assert.ThrowsAsync<HubException>(act)).Code);
        }

        Assert.Equal(before, await intro.GetAsync(w.NorthCoordinator));
        Assert.Equal(IntroductionState.AcceptedByOne, (await asked.GetAsync(w.PersonA))!.State);

        await intro.WithdrawAsync(w.NorthCoordinator);
        var closed = await Assert.ThrowsAsync<HubException>(() => intro.RespondAsync(w.PersonB, null, accept: true));
        Assert.Equal(ErrorCodes.IntroductionClosed, closed.Code);
        Assert.Equal(IntroductionState.Withdrawn, (await intro.GetAsync(w.PersonB))!.State);
    }

    [Fact]
    public async Task Reminders_nudge_at_half_time_expire_at_the_deadline_and_ask_did_you_meet_after_connecting()
    {
        var w = await IntroductionWorld.CreateAsync(_grains);
        var open = _grains.GetIntroduction(IntroductionWorld.NewId());
        var view = await open.RequestAsync(w.NorthCoordinator, w.Brokered());
        await open.RespondAsync(w.PersonA, null, accept: true);
        var connecting = _grains.GetIntroduction(IntroductionWorld.NewId());
        await connecting.RequestAsync(w.NorthCoordinator, new RequestIntroduction(w.C.Id, w.B.Id, "Both run lunch clubs.", w.North, null, null));
        await connecting.RespondAsync(w.PersonC, null, accept: true);
        await connecting.RespondAsync(w.PersonB, null, accept: true);

        // Half-time: the organisation that has not answered is reminded; the one that has is not.
        fixture.Time.Advance(view.ExpiresAt - view.RequestedAt - TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await TickAsync(_grains, open, connecting);
        await Eventually.EqualAsync(true, async () => (await InboxAsync(w.B, w.PersonB, view.Id))!.Reminded);
        Assert.False((await InboxAsync(w.A, w.PersonA, view.Id))!.Reminded);

        // Seven days after connecting, both are asked whether they met.
        await Eventually.EqualAsync(true, async () => (await InboxAsync(w.C, w.PersonC, (await connecting.GetAsync(w.PersonC))!.Id))!.CheckInAsked);
        var met = await connecting.AnswerCheckInAsync(w.PersonB, null, met: true);
        Assert.True(met.Met);
        Assert.Equal(ErrorCodes.AlreadyAnswered, (await Assert.ThrowsAsync<HubException>(() => connecting.AnswerCheckInAsync(w.PersonB, null, met: false))).Code);

        // The deadline passes with one answer missing: expired everywhere, and too late to answer.
        fixture.Time.Advance(TimeSpan.FromDays(7));
        await TickAsync(_grains, open, connecting);
        await Eventually.EqualAsync(IntroductionState.Expired, async () => (await InboxAsync(w.B, w.PersonB, view.Id))!.State);
        Assert.Equal(IntroductionState.Expired, (await InboxAsync(w.A, w.PersonA, view.Id))!.State);
        Assert.Equal(ErrorCodes.IntroductionClosed, (await Assert.ThrowsAsync<HubException>(() => open.RespondAsync(w.PersonB, null, accept: true))).Code);
        Assert.Null(await _grains.GetOrganisation(w.A.Id).GetContactAsync(w.PersonB));
        await Eventually.EqualAsync(new IntroductionCounts(2, 1, 0, 1, 0, 1), () => _grains.GetIntroductionCountsAsync(w.North));
    }

    [Fact]
    public async Task Notices_lost_before_or_after_arrival_are_sent_again_until_delivered_and_applied_once()
    {
        var w = await IntroductionWorld.CreateAsync(_grains);
        var id = IntroductionWorld.NewId();
        var ledger = IntroductionLedgers.Key(w.North, id);
        IntroductionNoticeFaults.FailNext("inbox:" + w.B.Id, before: 2, after: 0);
        IntroductionNoticeFaults.FailNext(ledger, before: 0, after: 3);
        var intro = _grains.GetIntroduction(id);

        var requested = await intro.RequestAsync(w.NorthCoordinator, w.Brokered());
        await intro.RespondAsync(w.PersonA, null, accept: true);
        await intro.RespondAsync(w.PersonB, null, accept: true);

        await Eventually.EqualAsync(IntroductionState.Connected, async () => (await InboxAsync(w.B, w.PersonB, requested.Id))?.State);
        await Eventually.EqualAsync(new IntroductionCounts(1, 1, 0, 0, 0, 0), () => _grains.GetIntroductionCountsAsync(w.North));
        Assert.Equal(2, IntroductionNoticeFaults.Failed("inbox:" + w.B.Id));
        Assert.Equal(3, IntroductionNoticeFaults.Failed(ledger));
        Assert.NotNull(await _grains.GetOrganisation(w.A.Id).GetContactAsync(w.PersonB));
    }

    [Fact]
    public async Task Preferences_are_the_organisations_own_and_checked()
    {
        var w = await IntroductionWorld.CreateAsync(_grains);
        var inbox = _grains.GetInbox(w.A.Id);

        Assert.Equal(ErrorCodes.Unauthenticated, (await Assert.ThrowsAsync<HubException>(() => inbox.ChangePreferencesAsync(Caller.Anonymous, false, [], []))).Code);
        Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<HubException>(() => inbox.ChangePreferencesAsync(w.PersonB, false, [], []))).Code);
        Assert.Equal(ErrorCodes.IdInvalid, (await Assert.ThrowsAsync<HubException>(() => inbox.ChangePreferencesAsync(w.PersonA, null, ["someone"], []))).Code);
        Assert.Equal(ErrorCodes.IdInvalid, (await Assert.ThrowsAsync<HubException>(() => inbox.ChangePreferencesAsync(w.PersonA, null, [], ["someone"]))).Code);
        Assert.Equal(ErrorCodes.InvalidValue, (await Assert.ThrowsAsync<HubException>(() => inbox.ChangePreferencesAsync(w.PersonA, null, [w.A.Id], []))).Code);
        Assert.Equal(ErrorCodes.InvalidValue, (await Assert.ThrowsAsync<HubException>(() => inbox.ChangePreferencesAsync(w.PersonA, false, [w.B.Id], [w.B.Id]))).Code);
        Assert.Null(await inbox.GetPreferencesAsync(w.PersonB));
        var unchanged = (await inbox.GetPreferencesAsync(w.PersonA))!;
        Assert.Equal((true, 0), (unchanged.Open, unchanged.Blocked.Count));

        var set = await inbox.ChangePreferencesAsync(w.PersonA, null, [w.B.Id, w.B.Id], []);
        Assert.True(set.Open);
        Assert.Equal([w.B.Id], set.Blocked);
        Assert.False(await inbox.AcceptsFromAsync(w.B.Id));
        Assert.True(await inbox.AcceptsFromAsync(w.C.Id));

        var closed = await inbox.ChangePreferencesAsync(w.PersonA, false, [w.C.Id], [w.B.Id]);
        Assert.False(closed.Open);
        Assert.Equal([w.C.Id], closed.Blocked);
        Assert.False(await inbox.AcceptsFromAsync(w.B.Id));
    }

    /// <summary>What the reminder service does when a reminder falls due: the grain checks its deadlines against the hub's clock.</summary>
    internal static async Task TickAsync(IGrainFactory grains, params IIntroductionGrain[] introductions)
    {
        var now = DateTime.UtcNow;
        await Task.WhenAll(introductions.Select(i => grains.GetGrain<IRemindable>(i.GetGrainId()).ReceiveReminder("deadline", new TickStatus(now, TimeSpan.FromHours(1), now))));
    }

    private async Task<IntroductionView?> InboxAsync(OrganisationProfile organisation, Caller person, string id) =>
        await _grains.GetInbox(organisation.Id).GetAsync(person, id);

    private async Task AssertContactsAsync(IntroductionWorld w, bool visible)
    {
        var bSeenByA = await _grains.GetOrganisation(w.B.Id).GetContactAsync(w.PersonA);
        var aSeenByB = await _grains.GetOrganisation(w.A.Id).GetContactAsync(w.PersonB);
        Assert.Equal(visible ? "hello1@example.org" : null, bSeenByA?.Email);
        Assert.Equal(visible ? "hello0@example.org" : null, aSeenByB?.Email);
    }
}
