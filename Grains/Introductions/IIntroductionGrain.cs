using OurSociety.Federation.Access;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Introductions;

/// <summary>
/// One introduction (key: its id, <c>intro_</c> + ULID) and its state machine: requested, accepted by one, connected;
/// or declined, expired or withdrawn. It tells both organisations' inboxes and the records of the network it counts for
/// of every change, retrying until each has it, and keeps its deadlines with a durable reminder.
/// </summary>
[Alias("IIntroductionGrain")]
public interface IIntroductionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the introduction under this grain's id. The caller is a coordinator of <see cref="RequestIntroduction.BrokerNetwork"/>
    /// (which has one of the two as a member), or, with no broker, acts for one of the two. The organisations must be in the
    /// same network or in two actively linked ones, and both must take introductions from each other. Asking again with the
    /// same request by the same caller returns the introduction.
    /// </summary>
    [Alias("RequestAsync")]
    Task<IntroductionView> RequestAsync(Caller caller, RequestIntroduction command);

    /// <summary>The introduction as the caller may see it (a party, or a coordinator of the brokering network); null for anyone else.</summary>
    [Alias("GetAsync")]
    Task<IntroductionView?> GetAsync(Caller caller);

    /// <summary>
    /// One organisation answers. <paramref name="organisationId"/> says which when the caller acts for both; otherwise it may
    /// be null. Both yes connects them; one no declines it. Answering again is <c>ALREADY_ANSWERED</c>, unless it carries the
    /// <paramref name="clientRequestId"/> the answer was given with: that is a retry, which changes nothing and returns the
    /// introduction as it stands (<c>REQUEST_ID_REUSED</c> if it says otherwise).
    /// </summary>
    [Alias("RespondAsync")]
    Task<IntroductionView> RespondAsync(Caller caller, string? organisationId, bool accept, string? clientRequestId = null);

    /// <summary>Whoever asked for it withdraws it while it is still open.</summary>
    [Alias("WithdrawAsync")]
    Task<IntroductionView> WithdrawAsync(Caller caller);

    /// <summary>
    /// The introduction as a brokering network's coordinators see it; null if it does not exist. Only a network's records
    /// (<see cref="IIntroductionListGrain"/>) call it, for a reader they have checked.
    /// </summary>
    [Alias("GetBrokerViewAsync")]
    Task<IntroductionView?> GetBrokerViewAsync();

    /// <summary>
    /// The introduction as <paramref name="organisationId"/>'s people see it; null if it does not exist or that
    /// organisation is not one of the two. Only an organisation's inbox calls it, for a reader it has checked.
    /// </summary>
    [Alias("GetPartyViewAsync")]
    Task<IntroductionView?> GetPartyViewAsync(string organisationId);

    /// <summary>A party answers "did you meet?" once connected; a yes counts the introduction as met.</summary>
    [Alias("AnswerCheckInAsync")]
    Task<IntroductionView> AnswerCheckInAsync(Caller caller, string? organisationId, bool met);
}

/// <summary>
/// Notified when an introduction a list holds changes. Implemented by the API's live-update service; each view is
/// already cut to what that list's readers may know.
/// </summary>
[Alias("IIntroductionObserver")]
public interface IIntroductionObserver : IGrainObserver
{
    [OneWay]
    [Alias("IntroductionChanged")]
    Task IntroductionChanged(string list, IntroductionView view);
}

/// <summary>
/// The introductions one party keeps (key: <c>inbox:{organisation id}</c> for an organisation's inbox, <c>ledger:{slug}</c>
/// for a network's brokering records). Only introduction grains write to it; each notice carries a version, so repeats
/// and late arrivals change nothing. It lists introductions and reads each one's view from the introduction itself. An
/// inbox also keeps the organisation's preferences and whom it is connected with; a network's records keep its counts.
/// </summary>
[Alias("IIntroductionListGrain")]
public interface IIntroductionListGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the notice if it is newer than what the list holds; returns once what the list cannot read back from the
    /// introduction is durable: that it holds the introduction, whom its organisation is connected with, its counts, and
    /// the introduction's state once connected or closed.
    /// </summary>
    [Alias("ReceiveAsync")]
    Task ReceiveAsync(IntroductionNotice notice);

    /// <summary>
    /// A page of the list, newest request first, after <paramref name="after"/> (exclusive), optionally in one state. For an inbox,
    /// the organisation's people; for a network's records, its coordinators (who see what the network brokered). Null for anyone else.
    /// </summary>
    [Alias("GetPageAsync")]
    Task<Page<IntroductionView>?> GetPageAsync(Caller caller, IntroductionPosition? after, int first, IntroductionState? filter);

    /// <summary>
    /// A page of an inbox's introductions that <paramref name="networkSlug"/> brokered, in the order of <see cref="GetPageAsync"/>:
    /// for the organisation's people (as they see them) or the network's coordinators (as its broker sees them). Null for anyone else.
    /// </summary>
    [Alias("GetBrokeredPageAsync")]
    Task<Page<IntroductionView>?> GetBrokeredPageAsync(Caller caller, string networkSlug, IntroductionPosition? after, int first, IntroductionState? filter);

    /// <summary>One introduction from the list, for the same readers as <see cref="GetPageAsync"/>.</summary>
    [Alias("GetAsync")]
    Task<IntroductionView?> GetAsync(Caller caller, string introductionId);

    /// <summary>How many introductions the network brokered or its members asked for, by outcome (no one's details).</summary>
    [Alias("GetCountsAsync")]
    Task<IntroductionCounts> GetCountsAsync();

    /// <summary>An inbox's preferences, for the organisation's people (null for anyone else).</summary>
    [Alias("GetPreferencesAsync")]
    Task<IntroductionPreferences?> GetPreferencesAsync(Caller caller);

    /// <summary>
    /// Changes an inbox's preferences in one step, so changes made at the same time all take effect: <paramref name="open"/>
    /// (unchanged when null), then adds <paramref name="block"/> and removes <paramref name="unblock"/>. For the organisation's
    /// people. Durable before it returns; returns the preferences as they then are.
    /// </summary>
    [Alias("ChangePreferencesAsync")]
    Task<IntroductionPreferences> ChangePreferencesAsync(Caller caller, bool? open, IReadOnlyList<string> block, IReadOnlyList<string> unblock);

    /// <summary>Whether the inbox's organisation takes an introduction to <paramref name="organisationId"/> now.</summary>
    [Alias("AcceptsFromAsync")]
    Task<bool> AcceptsFromAsync(string organisationId);

    /// <summary>Whether the inbox's organisation is connected, through an introduction, with any of <paramref name="organisationIds"/>.</summary>
    [Alias("IsConnectedWithAsync")]
    Task<bool> IsConnectedWithAsync(IReadOnlyList<string> organisationIds);

    /// <summary>Adds or renews a live observer of the list's changes; the caller must be one of its readers. Lapses after a minute unless renewed.</summary>
    [Alias("SubscribeAsync")]
    Task<bool> SubscribeAsync(Caller caller, IIntroductionObserver observer);

    /// <summary>Removes a live observer.</summary>
    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IIntroductionObserver observer);
}

/// <summary>A position in an introduction list (newest request first): the request time and id of the last item read.</summary>
[GenerateSerializer, Immutable, Alias("IntroductionPosition")]
public sealed record IntroductionPosition([property: Id(0)] DateTimeOffset RequestedAt, [property: Id(1)] string Id)
{
    public static IntroductionPosition Of(IntroductionView view) => new(view.RequestedAt, view.Id);

    /// <summary>List order: newest request first, then by id descending, so every item has one place in the list.</summary>
    public static int Order(IntroductionPosition x, IntroductionPosition y)
    {
        var byTime = y.RequestedAt.CompareTo(x.RequestedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(y.Id, x.Id);
    }
}
