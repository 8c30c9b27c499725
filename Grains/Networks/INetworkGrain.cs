using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks.Links;

namespace OurSociety.Federation.Networks;

/// <summary>
/// A regional network's hub (key: <c>net:{slug}</c>): profile, coordinators, members and join requests, the audit
/// trail of what coordinators did, and the gate to its feed. It is the authority on who coordinates and who is a member.
/// </summary>
[Alias("INetworkGrain")]
public interface INetworkGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the network, naming its first coordinators, and lists it in the directory; for a hub admin only.
    /// Fails with <c>SLUG_TAKEN</c> if it exists, unless this is the same caller retrying with the same client request
    /// id, which returns the network again.
    /// </summary>
    [Alias("CreateAsync")]
    Task<NetworkProfile> CreateAsync(Caller caller, CreateNetwork command);

    /// <summary>The profile, or null if no network has this slug.</summary>
    [AlwaysInterleave]
    [Alias("GetProfileAsync")]
    Task<NetworkProfile?> GetProfileAsync();

    /// <summary>Changes the name, charter or join policy; for its coordinators. Recorded in the audit trail.</summary>
    [Alias("UpdateAsync")]
    Task<NetworkProfile> UpdateAsync(Caller caller, UpdateNetwork command);

    /// <summary>The coordinators' subjects, for the network's coordinators and members; null for anyone else.</summary>
    [AlwaysInterleave]
    [Alias("GetCoordinatorsAsync")]
    Task<IReadOnlyList<string>?> GetCoordinatorsAsync(Caller caller);

    /// <summary>Adds a coordinator; for its coordinators. Adding one twice changes nothing.</summary>
    [Alias("AddCoordinatorAsync")]
    Task<NetworkProfile> AddCoordinatorAsync(Caller caller, string subject);

    /// <summary>Removes a coordinator (a coordinator may step down); never the last one.</summary>
    [Alias("RemoveCoordinatorAsync")]
    Task<NetworkProfile> RemoveCoordinatorAsync(Caller caller, string subject);

    /// <summary>
    /// An organisation asks to join; called by the organisation's grain for a caller who is its member. With the
    /// <see cref="JoinPolicy.Automatic"/> policy it becomes a member at once; otherwise the request waits for a coordinator.
    /// Asking again while waiting, or as a member, changes nothing. <paramref name="registeredOn"/> is when the
    /// organisation registered on the hub, so coordinators can see who is new.
    /// </summary>
    [Alias("RequestJoinAsync")]
    Task<MembershipStatus> RequestJoinAsync(Caller caller, string organisationId, DateTimeOffset registeredOn, string? message);

    /// <summary>A coordinator approves a waiting request; approving a member again changes nothing.</summary>
    [Alias("ApproveJoinAsync")]
    Task<MembershipStatus> ApproveJoinAsync(Caller caller, string organisationId);

    /// <summary>A coordinator declines a waiting request, optionally saying why (the reason goes in the audit trail).</summary>
    [Alias("DeclineJoinAsync")]
    Task<MembershipStatus> DeclineJoinAsync(Caller caller, string organisationId, string? reason);

    /// <summary>A coordinator removes a member, optionally saying why; what it posted stays in the feed.</summary>
    [Alias("RemoveMemberAsync")]
    Task<MembershipStatus> RemoveMemberAsync(Caller caller, string organisationId, string? reason);

    /// <summary>An organisation leaves, or withdraws its request; called by the organisation's grain. Idempotent.</summary>
    [Alias("LeaveAsync")]
    Task LeaveAsync(Caller caller, string organisationId);

    /// <summary>Where <paramref name="organisationId"/> stands with this network (public: membership lists are public).</summary>
    [AlwaysInterleave]
    [Alias("GetMembershipAsync")]
    Task<MembershipStatus> GetMembershipAsync(string organisationId);

    /// <summary>Members in the order they joined, after position <paramref name="after"/> (exclusive; null from the start).</summary>
    [AlwaysInterleave]
    [Alias("GetMembersAsync")]
    Task<Page<MemberEntry>> GetMembersAsync(long? after, int first);

    /// <summary>
    /// Waiting join requests, newest first, newcomers marked, before position <paramref name="before"/> (exclusive;
    /// null from the newest); for coordinators only (null for anyone else).
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetJoinRequestsAsync")]
    Task<Page<PendingJoinRequest>?> GetJoinRequestsAsync(Caller caller, long? before, int first);

    /// <summary>The audit trail, newest first, before position <paramref name="before"/>; for coordinators and members (null for anyone else).</summary>
    [Alias("GetAuditTrailAsync")]
    Task<Page<AuditEntry>?> GetAuditTrailAsync(Caller caller, long? before, int first);

    /// <summary>Posts into the network's feed for <paramref name="organisationId"/>, which must be a member the caller acts for.</summary>
    [AlwaysInterleave]
    [Alias("PostAsync")]
    Task<Activity> PostAsync(Caller caller, string organisationId, PostActivity post);

    /// <summary>
    /// Sets the labels of one of the network's activities. Only the organisation that posted it labels it (the caller acts
    /// for it); nobody else, coordinators included, labels another's item.
    /// </summary>
    [AlwaysInterleave]
    [Alias("LabelAsync")]
    Task<Activity> LabelAsync(Caller caller, long seq, IReadOnlyList<string> labels);

    /// <summary>A page of the network's own feed, newest first, showing the caller only what it may see.</summary>
    [AlwaysInterleave]
    [Alias("GetFeedAsync")]
    Task<FeedPage> GetFeedAsync(Caller caller, FeedQuery query);

    /// <summary>Which of the network's items <paramref name="caller"/> sees: all of them (its coordinators and members' people) or public ones only.</summary>
    [AlwaysInterleave]
    [Alias("GetAudienceAsync")]
    Task<FeedAudience> GetAudienceAsync(Caller caller);

    /// <summary>One activity of the feed, if it exists and the caller may see it.</summary>
    [AlwaysInterleave]
    [Alias("GetActivityAsync")]
    Task<Activity?> GetActivityAsync(Caller caller, long seq);

    /// <summary>
    /// A page of the federated feed: this network's own items (as the caller may see them) merged newest first with what
    /// its actively linked networks share with it (linked and public items for its members, public ones for anyone else).
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetFederatedFeedAsync")]
    Task<FederatedPage> GetFederatedFeedAsync(Caller caller, FederatedQuery query);

    /// <summary>
    /// Opts the network in to national statistics (its non-public activity posted from now on is counted for national
    /// viewers) or out (it stops, and what its opt-in counted is withdrawn before this returns); for coordinators,
    /// recorded in the audit trail. Saying the same again changes nothing.
    /// </summary>
    [Alias("SetNationalStatisticsAsync")]
    Task<NetworkProfile> SetNationalStatisticsAsync(Caller caller, bool optIn);

    /// <summary>Proposes a link to <paramref name="peer"/>, sharing <paramref name="shares"/> with it once accepted; for coordinators.</summary>
    [Alias("ProposeLinkAsync")]
    Task<LinkView> ProposeLinkAsync(Caller caller, string peer, IReadOnlyList<ActivityKind> shares);

    /// <summary>Accepts the link <paramref name="peer"/> proposed, sharing <paramref name="shares"/> with it; for coordinators. Accepting again changes nothing.</summary>
    [Alias("AcceptLinkAsync")]
    Task<LinkView> AcceptLinkAsync(Caller caller, string peer, IReadOnlyList<ActivityKind> shares);

    /// <summary>
    /// Changes which kinds this network shares over its link with <paramref name="peer"/>; for coordinators. Sharing less
    /// takes effect before it returns; the other side hears of it by message.
    /// </summary>
    [Alias("SetLinkSharingAsync")]
    Task<LinkView> SetLinkSharingAsync(Caller caller, string peer, IReadOnlyList<ActivityKind> shares);

    /// <summary>Suspends the link with <paramref name="peer"/>: nothing flows either way until this side resumes it.</summary>
    [Alias("SuspendLinkAsync")]
    Task<LinkView> SuspendLinkAsync(Caller caller, string peer);

    /// <summary>Resumes a link this side suspended.</summary>
    [Alias("ResumeLinkAsync")]
    Task<LinkView> ResumeLinkAsync(Caller caller, string peer);

    /// <summary>Ends the link with <paramref name="peer"/> (or withdraws or declines a proposal). Ending again changes nothing.</summary>
    [Alias("EndLinkAsync")]
    Task<LinkView> EndLinkAsync(Caller caller, string peer);

    /// <summary>The other side of a link states its side; only network grains send it. Repeats and late arrivals change nothing.</summary>
    [OneWay]
    [Alias("ReceiveLinkAsync")]
    Task ReceiveLinkAsync(LinkMessage message);

    /// <summary>This network's links, optionally in one state. Proposals are shown to its coordinators only.</summary>
    [AlwaysInterleave]
    [Alias("GetLinksAsync")]
    Task<IReadOnlyList<LinkView>> GetLinksAsync(Caller caller, LinkState? state);

    /// <summary>Whether <paramref name="caller"/> is one of this network's own and it takes <paramref name="kind"/> from <paramref name="peer"/> now.</summary>
    [AlwaysInterleave]
    [Alias("ReceivesFromAsync")]
    Task<bool> ReceivesFromAsync(Caller caller, string peer, ActivityKind kind);

    /// <summary>A linked network passes on an activity it shares with this one, for live readers; this side checks its own say.</summary>
    [OneWay]
    [AlwaysInterleave]
    [Alias("ReceiveSharedAsync")]
    Task ReceiveSharedAsync(string peer, Activity activity);
}
