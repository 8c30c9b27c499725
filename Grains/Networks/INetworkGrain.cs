using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Networks;

/// <summary>A regional network's hub (key: <c>net:{slug}</c>): profile, coordinators, members, and the gate to its feed.</summary>
[Alias("INetworkGrain")]
public interface INetworkGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the network and lists it in the directory. Fails with <c>SLUG_TAKEN</c> if it exists, unless this is
    /// the same caller retrying with the same client request id, which returns the network again.
    /// </summary>
    [Alias("CreateAsync")]
    Task<NetworkProfile> CreateAsync(Caller caller, CreateNetwork command);

    /// <summary>The profile, or null if no network has this slug.</summary>
    [AlwaysInterleave]
    [Alias("GetProfileAsync")]
    Task<NetworkProfile?> GetProfileAsync();

    /// <summary>The network's coordinators (subjects as their token issuer gives them), for a caller who is one; empty for anyone else.</summary>
    [AlwaysInterleave]
    [Alias("GetCoordinatorsAsync")]
    Task<IReadOnlyList<string>> GetCoordinatorsAsync(Caller caller);

    /// <summary>Adds an organisation as a member; adding a member again changes nothing. Called by the organisation's own grain.</summary>
    [Alias("AddMemberAsync")]
    Task AddMemberAsync(Caller caller, string organisationId);

    /// <summary>Removes a member; removing a non-member changes nothing. Called by the organisation's own grain.</summary>
    [Alias("RemoveMemberAsync")]
    Task RemoveMemberAsync(Caller caller, string organisationId);

    /// <summary>Members in the order they joined, after position <paramref name="after"/> (exclusive; null from the start).</summary>
    [AlwaysInterleave]
    [Alias("GetMembersAsync")]
    Task<Page<MemberEntry>> GetMembersAsync(long? after, int first);

    /// <summary>Posts into the network's feed for the caller's organisation, which must be a member.</summary>
    [AlwaysInterleave]
    [Alias("PostAsync")]
    Task<Activity> PostAsync(Caller caller, PostActivity post);

    /// <summary>A page of the network's own feed, newest first, showing the caller only what it may see.</summary>
    [AlwaysInterleave]
    [Alias("GetFeedAsync")]
    Task<FeedPage> GetFeedAsync(Caller caller, FeedQuery query);

    /// <summary>One activity of the feed, if it exists and the caller may see it.</summary>
    [AlwaysInterleave]
    [Alias("GetActivityAsync")]
    Task<Activity?> GetActivityAsync(Caller caller, long seq);
}
