using Microsoft.Extensions.Logging;
using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Networks;

/// <inheritdoc cref="INetworkGrain"/>
/// <remarks>
/// Changes run one at a time (the grain is not reentrant); posts and reads interleave with them
/// (<see cref="AlwaysInterleaveAttribute"/>), since they only read membership in memory and the feed grain batches
/// the writes. Every coordinator action and membership change writes its audit entry in the same state write as the
/// change itself, then hands it to <see cref="INetworkAuditGrain"/> (an outbox), so the trail never misses an action.
/// </remarks>
public sealed class NetworkGrain(
    [PersistentState("network", HubStorage.Name)] IPersistentState<NetworkState> state,
    TimeProvider time,
    ILogger<NetworkGrain> logger) : Grain, INetworkGrain
{
    /// <summary>The most members one network holds, which bounds its state.</summary>
    public const int MaxMembers = 10_000;

    /// <summary>The most requests waiting at once.</summary>
    public const int MaxPendingRequests = 1_000;

    /// <summary>The most coordinators one network has.</summary>
    public const int MaxCoordinators = 20;

    private readonly HashSet<string> _members = new(StringComparer.Ordinal);

    private string Slug => GrainKeys.SlugOf(this.GetPrimaryKeyString());

    private NetworkProfile Profile => state.State.Profile
        ?? throw new HubException(ErrorCodes.NetworkNotFound, $"There is no network '{Slug}'.", "networkSlug");

    private List<string> Coordinators => state.State.Coordinators;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _members.UnionWith(state.State.Members.Select(m => m.OrganisationId));
        await HandOffAuditAsync();
    }

    public async Task<NetworkProfile> CreateAsync(Caller caller, CreateNetwork command)
    {
        caller.Require(HubRoles.Admin, "create networks");
        var name = Input.Text(command.Name, Input.MaxNameLength, "A name", "name");
        var region = Regions.Canonical(command.Region, "region");
        var charter = Input.OptionalText(command.Charter, Input.MaxCharterLength, "A charter", "charter");
        var coordinators = (command.Coordinators ?? [])
            .Select(c => Subject(c, "coordinators"))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (coordinators.Length == 0)
        {
            throw new HubException(ErrorCodes.Required, "Name at least one coordinator (the subject their sign-in gives them).", "coordinators");
        }

        if (coordinators.Length > MaxCoordinators)
        {
            throw new HubException(ErrorCodes.TooMany, $"A network has at most {MaxCoordinators} coordinators.", "coordinators");
        }

        var requestId = Input.RequestId(command.ClientRequestId, "clientRequestId");
        var createdBy = requestId is null ? null : $"{caller.Subject}\n{requestId}";
        if (state.State.Profile is { } existing)
        {
            if (createdBy is null || state.State.CreatedBy != createdBy)
            {
                throw new HubException(ErrorCodes.SlugTaken, $"The slug '{Slug}' is taken; choose another.", "slug");
            }

            // A retry: the first attempt may have failed before the directory or the coordinators' index heard of it.
            await AnnounceAsync(existing);
            return existing;
        }

        var profile = new NetworkProfile(Slug, name, region, charter, time.GetUtcNow(), 0, command.JoinPolicy ?? JoinPolicy.Approval);
        state.State.Profile = profile;
        state.State.CreatedBy = createdBy;
        state.State.Coordinators = [.. coordinators];
        Record(caller, AuditAction.NetworkCreated, detail: $"coordinators: {string.Join(", ", coordinators)}");
        await SaveAsync();
        await AnnounceAsync(profile);
        return profile;
    }

    public Task<NetworkProfile?> GetProfileAsync() =>
        Task.FromResult(state.State.Profile is { } p ? p with { MemberCount = _members.Count } : null);

    public async Task<NetworkProfile> UpdateAsync(Caller caller, UpdateNetwork command)
    {
        var profile = RequireCoordinator(caller, "change the network's profile");
        var name = command.Name is null ? profile.Name : Input.Text(command.Name, Input.MaxNameLength, "A name", "name");
        var charter = command.Charter is null ? profile.Charter : Input.OptionalText(command.Charter, Input.MaxCharterLength, "A charter", "charter");
        var policy = command.JoinPolicy ?? profile.JoinPolicy;
        var changed = new[] { (name != profile.Name, "name"), (charter != profile.Charter, "charter"), (policy != profile.JoinPolicy, $"join policy: {policy}") }
            .Where(c => c.Item1).Select(c => c.Item2).ToArray();
        if (changed.Length == 0)
        {
            return (await GetProfileAsync())!;
        }

        state.State.Profile = profile with { Name = name, Charter = charter, JoinPolicy = policy };
        Record(caller, AuditAction.ProfileChanged, detail: string.Join("; ", changed));
        await SaveAsync();
        return (await GetProfileAsync())!;
    }

    public Task<IReadOnlyList<string>?> GetCoordinatorsAsync(Caller caller) =>
        Task.FromResult<IReadOnlyList<string>?>(state.State.Profile is not null && IsInsider(caller) ? [.. Coordinators] : null);

    public async Task<NetworkProfile> AddCoordinatorAsync(Caller caller, string subject)
    {
        RequireCoordinator(caller, "add coordinators");
        subject = Subject(subject, "subject");
        if (!Coordinators.Contains(subject))
        {
            if (Coordinators.Count >= MaxCoordinators)
            {
                throw new HubException(ErrorCodes.TooMany, $"A network has at most {MaxCoordinators} coordinators.", "subject");
            }

            Coordinators.Add(subject);
            Record(caller, AuditAction.CoordinatorAdded, subject: subject);
            await SaveAsync();
        }

        // The network records the right first; the subject's index follows (and a retry completes it).
        await GrainFactory.GetSubject(subject).SetNetworkAsync(Slug, coordinator: true);
        return (await GetProfileAsync())!;
    }

    public async Task<NetworkProfile> RemoveCoordinatorAsync(Caller caller, string subject)
    {
        RequireCoordinator(caller, "remove coordinators");
        subject = Subject(subject, "subject");
        if (!Coordinators.Contains(subject))
        {
            throw new HubException(ErrorCodes.CoordinatorNotFound, $"'{subject}' is not a coordinator of '{Slug}'.", "subject");
        }

        if (Coordinators.Count == 1)
        {
            throw new HubException(ErrorCodes.LastCoordinator, "A network keeps at least one coordinator: add another before this one steps down.", "subject");
        }

        // The index drops the right first, so it never grants more than the network does.
        await GrainFactory.GetSubject(subject).SetNetworkAsync(Slug, coordinator: false);
        Coordinators.Remove(subject);
        Record(caller, AuditAction.CoordinatorRemoved, subject: subject);
        await SaveAsync();
        return (await GetProfileAsync())!;
    }

    public async Task<MembershipStatus> RequestJoinAsync(Caller caller, JoinRequest request)
    {
        var profile = Profile;
        RequireActsFor(caller, request.OrganisationId, "ask to join");
        var message = Input.OptionalText(request.Message, Input.MaxMessageLength, "A message", "message");
        var status = StatusOf(request.OrganisationId);
        if (status != MembershipStatus.None)
        {
            return status;
        }

        if (profile.JoinPolicy == JoinPolicy.Automatic)
        {
            AddMember(request.OrganisationId);
            Record(caller, AuditAction.MemberJoined, request.OrganisationId, detail: "approved automatically");
            await SaveAsync();
            return MembershipStatus.Member;
        }

        if (state.State.JoinRequests.Count >= MaxPendingRequests)
        {
            throw new HubException(ErrorCodes.TooMany, $"'{Slug}' has {MaxPendingRequests} requests waiting; ask again once its coordinators have answered some.");
        }

        state.State.JoinRequests.Add(request with { Message = message, RequestedAt = time.GetUtcNow(), RequestedBy = caller.Subject, Seq = state.State.NextMemberSeq++ });
        Record(caller, AuditAction.JoinRequested, request.OrganisationId, detail: message);
        await SaveAsync();
        return MembershipStatus.Pending;
    }

    public async Task<MembershipStatus> ApproveJoinAsync(Caller caller, string organisationId)
    {
        RequireCoordinator(caller, "approve requests to join");
        if (_members.Contains(organisationId))
        {
            await TellOrganisationAsync(organisationId);
            return MembershipStatus.Member;
        }

        var request = PendingRequest(organisationId);
        AddMember(organisationId);
        state.State.JoinRequests.Remove(request);
        Record(caller, AuditAction.JoinApproved, organisationId);
        await SaveAsync();
        await TellOrganisationAsync(organisationId);
        return MembershipStatus.Member;
    }

    public async Task<MembershipStatus> DeclineJoinAsync(Caller caller, string organisationId, string? reason)
    {
        RequireCoordinator(caller, "decline requests to join");
        reason = Input.OptionalText(reason, Input.MaxMessageLength, "A reason", "reason");
        var request = PendingRequest(organisationId);
        state.State.JoinRequests.Remove(request);
        Record(caller, AuditAction.JoinDeclined, organisationId, detail: reason);
        await SaveAsync();
        await TellOrganisationAsync(organisationId);
        return MembershipStatus.None;
    }

    public async Task<MembershipStatus> RemoveMemberAsync(Caller caller, string organisationId, string? reason)
    {
        RequireCoordinator(caller, "remove members");
        reason = Input.OptionalText(reason, Input.MaxMessageLength, "A reason", "reason");
        if (!_members.Contains(organisationId))
        {
            throw new HubException(ErrorCodes.NotAMember, $"That organisation is not a member of '{Slug}'.", "organisationId");
        }

        DropMember(organisationId);
        Record(caller, AuditAction.MemberRemoved, organisationId, detail: reason);
        await SaveAsync();
        await TellOrganisationAsync(organisationId);
        return MembershipStatus.None;
    }

    public async Task LeaveAsync(Caller caller, string organisationId)
    {
        _ = Profile;
        RequireActsFor(caller, organisationId, "leave");
        switch (StatusOf(organisationId))
        {
            case MembershipStatus.Member:
                DropMember(organisationId);
                Record(caller, AuditAction.MemberLeft, organisationId);
                break;
            case MembershipStatus.Pending:
                state.State.JoinRequests.RemoveAll(r => r.OrganisationId == organisationId);
                Record(caller, AuditAction.JoinWithdrawn, organisationId);
                break;
            default:
                return;
        }

        await SaveAsync();
    }

    public Task<MembershipStatus> GetMembershipAsync(string organisationId) => Task.FromResult(StatusOf(organisationId));

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

    public Task<Page<PendingJoinRequest>?> GetJoinRequestsAsync(Caller caller, long? before, int first)
    {
        Input.PageSize(first, 100, "first");
        if (state.State.Profile is null || !IsCoordinator(caller))
        {
            return Task.FromResult<Page<PendingJoinRequest>?>(null);
        }

        var now = time.GetUtcNow();
        var requests = state.State.JoinRequests;
        var newerFirst = requests.Where(r => before is not { } b || r.Seq < b).Reverse().ToArray();
        var items = newerFirst.Take(first).Select(r => new PendingJoinRequest(r, r.IsNewcomer(now))).ToArray();
        return Task.FromResult<Page<PendingJoinRequest>?>(new Page<PendingJoinRequest>(items, newerFirst.Length > first, requests.Count));
    }

    public async Task<Page<AuditEntry>?> GetAuditTrailAsync(Caller caller, long? before, int first)
    {
        Input.PageSize(first, 100, "first");
        if (state.State.Profile is null || !IsInsider(caller))
        {
            return null;
        }

        // Entries still waiting in the outbox go first, so a reader always sees every recorded action.
        if (!await HandOffAuditAsync())
        {
            throw new HubException(ErrorCodes.Unavailable, "The audit trail cannot be read just now; try again shortly.");
        }

        return await GrainFactory.GetNetworkAudit(Slug).GetPageAsync(before, first);
    }

    public Task<Activity> PostAsync(Caller caller, string organisationId, PostActivity post)
    {
        _ = Profile;
        RequireActsFor(caller, organisationId, "post");
        var draft = ActivityDraft.From(organisationId, post);
        if (!_members.Contains(organisationId))
        {
            throw new HubException(ErrorCodes.NotAMember, $"That organisation is not a member of '{Slug}'; ask to join the network first.", "organisationId");
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

    private static string Subject(string? subject, string field) => Input.Text(subject, Input.MaxNameLength, "A coordinator's subject", field);

    private bool IsCoordinator(Caller caller) => !caller.IsAnonymous && Coordinators.Contains(caller.Subject);

    /// <summary>Coordinators and people of member organisations: who sees what members see.</summary>
    private bool IsInsider(Caller caller) => IsCoordinator(caller) || caller.Organisations.Any(_members.Contains);

    private FeedAudience AudienceOf(Caller caller) => IsInsider(caller) ? FeedAudience.Member : FeedAudience.Public;

    private NetworkProfile RequireCoordinator(Caller caller, string action)
    {
        var profile = Profile;
        return IsCoordinator(caller) ? profile : throw caller.Forbidden($"Only a coordinator of '{Slug}' may {action}.");
    }

    private static void RequireActsFor(Caller caller, string organisationId, string action)
    {
        if (!caller.ActsFor(organisationId))
        {
            throw caller.Forbidden($"Only a member of that organisation may {action} for it.");
        }
    }

    private MembershipStatus StatusOf(string organisationId) =>
        _members.Contains(organisationId) ? MembershipStatus.Member
        : state.State.JoinRequests.Exists(r => r.OrganisationId == organisationId) ? MembershipStatus.Pending
        : MembershipStatus.None;

    private JoinRequest PendingRequest(string organisationId) =>
        state.State.JoinRequests.Find(r => r.OrganisationId == organisationId)
        ?? throw new HubException(ErrorCodes.JoinRequestNotFound, $"That organisation has no request waiting to join '{Slug}'.", "organisationId");

    private void AddMember(string organisationId)
    {
        if (_members.Count >= MaxMembers)
        {
            throw new HubException(ErrorCodes.MemberLimitReached, $"Network '{Slug}' has reached its limit of {MaxMembers} members.");
        }

        state.State.Members.Add(new MemberEntry(organisationId, time.GetUtcNow(), state.State.NextMemberSeq++));
        _members.Add(organisationId);
    }

    private void DropMember(string organisationId)
    {
        _members.Remove(organisationId);
        state.State.Members.RemoveAll(m => m.OrganisationId == organisationId);
    }

    private void Record(Caller caller, AuditAction action, string? organisationId = null, string? subject = null, string? detail = null) =>
        state.State.AuditOutbox.Add(new AuditEntry(state.State.NextAuditSeq++, time.GetUtcNow(), caller.Subject, action, organisationId, subject, detail));

    private async Task SaveAsync()
    {
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        await HandOffAuditAsync();
    }

    /// <summary>Hands the outbox to the audit trail; on failure the entries stay (they are durable here) and go with the next write.</summary>
    private async Task<bool> HandOffAuditAsync()
    {
        var outbox = state.State.AuditOutbox;
        if (outbox.Count == 0)
        {
            return true;
        }

        var entries = outbox.ToArray();
        try
        {
            await GrainFactory.GetNetworkAudit(Slug).AppendAsync(entries);
            outbox.RemoveAll(e => e.Seq <= entries[^1].Seq);
            return true;
        }
        catch (Exception e) when (e is not HubException)
        {
            HubLog.AuditHandOffFailed(logger, e, this.GetPrimaryKeyString(), entries.Length);
            return false;
        }
    }

    private async Task AnnounceAsync(NetworkProfile profile)
    {
        await GrainFactory.GetNetworkDirectory().AddAsync(profile);
        await Task.WhenAll(Coordinators.Select(c => GrainFactory.GetSubject(c).SetNetworkAsync(Slug, coordinator: true)));
    }

    /// <summary>The organisation keeps its own list of networks in step. One-way, so neither grain waits on the other.</summary>
    private Task TellOrganisationAsync(string organisationId) => GrainFactory.GetOrganisation(organisationId).SyncMembershipAsync(Slug);

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
