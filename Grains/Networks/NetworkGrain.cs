using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Networks;

/// <inheritdoc cref="INetworkGrain"/>
/// <remarks>
/// Membership changes run one at a time (the grain is not reentrant); posts and reads interleave with them
/// (<see cref="AlwaysInterleaveAttribute"/>), since they only read membership in memory and the feed grain
/// batches the writes.
/// </remarks>
public sealed class NetworkGrain(
    [PersistentState("network", HubStorage.Name)] IPersistentState<NetworkState> state,
    TimeProvider time) : Grain, INetworkGrain
{
    /// <summary>The most members one network holds, which bounds its state.</summary>
    public const int MaxMembers = 10_000;

    private readonly HashSet<string> _members = new(StringComparer.Ordinal);

    private string Slug => GrainKeys.SlugOf(this.GetPrimaryKeyString());

    private NetworkProfile Profile => state.State.Profile
        ?? throw new HubException(ErrorCodes.NetworkNotFound, $"There is no network '{Slug}'.", "networkSlug");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _members.UnionWith(state.State.Members.Select(m => m.OrganisationId));
        return Task.CompletedTask;
    }

    public async Task<NetworkProfile> CreateAsync(Caller caller, CreateNetwork command)
    {
        var name = Input.Text(command.Name, Input.MaxNameLength, "A name", "name");
        var region = Regions.Canonical(command.Region, "region");
        var charter = Input.OptionalText(command.Charter, Input.MaxCharterLength, "A charter", "charter");
        // Subjects are identities from a token issuer: kept exactly as given (not lower-cased like themes).
        var coordinators = (command.Coordinators ?? [])
            .Select(c => Input.Text(c, Input.MaxNameLength, "A coordinator", "coordinators"))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (coordinators.Length > Input.MaxTags)
        {
            throw new HubException(ErrorCodes.TooMany, $"At most {Input.MaxTags} coordinators are named at creation.", "coordinators");
        }

        var requestId = Input.RequestId(command.ClientRequestId, "clientRequestId");
        var createdBy = requestId is null ? null : $"{caller.Subject}\n{requestId}";

        if (state.State.Profile is { } existing)
        {
            if (createdBy is null || state.State.CreatedBy != createdBy)
            {
                throw new HubException(ErrorCodes.SlugTaken, $"The slug '{Slug}' is taken; choose another.", "slug");
            }

            // A retry: the first attempt may have failed before the directory heard of it.
            await GrainFactory.GetNetworkDirectory().AddAsync(caller, existing);
            return existing;
        }

        var profile = new NetworkProfile(Slug, name, region, charter, time.GetUtcNow(), 0);
        state.State.Profile = profile;
        state.State.CreatedBy = createdBy;
        state.State.Coordinators = [.. coordinators];
        if (caller != Caller.Anonymous && !state.State.Coordinators.Contains(caller.Subject))
        {
            state.State.Coordinators.Add(caller.Subject);
        }

        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        await GrainFactory.GetNetworkDirectory().AddAsync(caller, profile);
        return profile;
    }

    public Task<NetworkProfile?> GetProfileAsync() =>
        Task.FromResult(state.State.Profile is { } p ? p with { MemberCount = _members.Count } : null);

    public Task<IReadOnlyList<string>> GetCoordinatorsAsync(Caller caller)
    {
        _ = Profile;
        var coordinators = state.State.Coordinators;
        return Task.FromResult<IReadOnlyList<string>>(coordinators.Contains(caller.Subject) ? coordinators.ToArray() : []);
    }

    public async Task AddMemberAsync(Caller caller, string organisationId)
    {
        _ = Profile;
        if (_members.Contains(organisationId))
        {
            return;
        }

        if (_members.Count >= MaxMembers)
        {
            throw new HubException(ErrorCodes.MemberLimitReached, $"Network '{Slug}' has reached its limit of {MaxMembers} members.");
        }

        state.State.Members.Add(new MemberEntry(organisationId, time.GetUtcNow(), state.State.NextMemberSeq++));
        _members.Add(organisationId);
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    public async Task RemoveMemberAsync(Caller caller, string organisationId)
    {
        _ = Profile;
        if (!_members.Remove(organisationId))
        {
            return;
        }

        state.State.Members.RemoveAll(m => m.OrganisationId == organisationId);
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    public Task<Page<MemberEntry>> GetMembersAsync(long? after, int first)
    {
        _ = Profile;
        Input.PageSize(first, 100, "first");
        var members = state.State.Members;

        // Members are kept in joining order, so the page starts after a binary search for the cursor.
        var start = after is { } a ? LowerBound(members, a + 1) : 0;
        var items = members.Skip(start).Take(first).ToArray();
        return Task.FromResult(new Page<MemberEntry>(items, start + items.Length < members.Count, members.Count));
    }

    public Task<Activity> PostAsync(Caller caller, PostActivity post)
    {
        _ = Profile;
        var authorId = caller.OrganisationId
            ?? throw new HubException(ErrorCodes.NotAMember, "Only a member organisation may post; say which organisation is posting.", "organisationId");
        var draft = ActivityDraft.From(authorId, post);
        if (!_members.Contains(authorId))
        {
            throw new HubException(ErrorCodes.NotAMember, $"That organisation is not a member of '{Slug}'; join the network first.", "organisationId");
        }

        return GrainFactory.GetFeed(Slug).AppendAsync(draft);
    }

    public Task<FeedPage> GetFeedAsync(Caller caller, FeedQuery query)
    {
        _ = Profile;
        return GrainFactory.GetFeed(Slug).GetPageAsync(query with { Audience = AudienceOf(caller) });
    }

    public async Task<Activity?> GetActivityAsync(Caller caller, long seq)
    {
        if (state.State.Profile is null)
        {
            return null;
        }

        var activity = await GrainFactory.GetFeed(Slug).GetAsync(seq);
        return activity is not null && AudienceOf(caller).CanSee(activity) ? activity : null;
    }

    private FeedAudience AudienceOf(Caller caller) =>
        caller.OrganisationId is { } org && _members.Contains(org) ? FeedAudience.Member : FeedAudience.Public;

    private static int LowerBound(List<MemberEntry> members, long seq)
    {
        int lo = 0, hi = members.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (members[mid].Seq < seq)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
