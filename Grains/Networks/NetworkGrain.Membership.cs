using OurSociety.Federation.Access;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Networks;

/// <summary>Joining and leaving: requests, coordinators' decisions, and the member list.</summary>
public sealed partial class NetworkGrain
{
    public async Task<MembershipStatus> RequestJoinAsync(Caller caller, string organisationId, DateTimeOffset registeredOn, string? message)
    {
        var profile = Profile;
        RequireActsFor(caller, organisationId, "ask to join");
        message = Input.OptionalText(message, Input.MaxMessageLength, "A message", "message");
        var status = StatusOf(organisationId);
        if (status != MembershipStatus.None)
        {
            return status;
        }

        if (profile.JoinPolicy == JoinPolicy.Automatic)
        {
            AddMember(organisationId);
            Record(caller, AuditAction.MemberJoined, organisationId, detail: "approved automatically");
            await SaveAsync();
            return MembershipStatus.Member;
        }

        if (_state.State.JoinRequests.Count >= MaxPendingRequests)
        {
            throw new HubException(ErrorCodes.TooMany, $"'{Slug}' has {MaxPendingRequests} requests waiting; ask again once its coordinators have answered some.");
        }

        _state.State.JoinRequests.Add(new JoinRequest(organisationId, registeredOn, message, _time.GetUtcNow(), caller.Subject, _state.State.NextMemberSeq++));
        Record(caller, AuditAction.JoinRequested, organisationId);
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
        _state.State.JoinRequests.Remove(request);
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
        _state.State.JoinRequests.Remove(request);
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
                _state.State.JoinRequests.RemoveAll(r => r.OrganisationId == organisationId);
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
        var members = _state.State.Members;

        // Members are kept in joining order, so the page starts after a binary search for the cursor.
        var start = after is { } a ? LowerBound(members, a + 1) : 0;
        var items = members.Skip(start).Take(first).ToArray();
        return Task.FromResult(new Page<MemberEntry>(items, start + items.Length < members.Count, members.Count));
    }

    public Task<Page<PendingJoinRequest>?> GetJoinRequestsAsync(Caller caller, long? before, int first)
    {
        Input.PageSize(first, 100, "first");
        if (_state.State.Profile is null || !IsCoordinator(caller))
        {
            return Task.FromResult<Page<PendingJoinRequest>?>(null);
        }

        var now = _time.GetUtcNow();
        var requests = _state.State.JoinRequests;
        var newerFirst = requests.Where(r => before is not { } b || r.Seq < b).Reverse().ToArray();
        var items = newerFirst.Take(first).Select(r => new PendingJoinRequest(r, r.IsNewcomer(now))).ToArray();
        return Task.FromResult<Page<PendingJoinRequest>?>(new Page<PendingJoinRequest>(items, newerFirst.Length > first, requests.Count));
    }

    private MembershipStatus StatusOf(string organisationId) =>
        _members.Contains(organisationId) ? MembershipStatus.Member
        : _state.State.JoinRequests.Exists(r => r.OrganisationId == organisationId) ? MembershipStatus.Pending
        : MembershipStatus.None;

    private JoinRequest PendingRequest(string organisationId) =>
        _state.State.JoinRequests.Find(r => r.OrganisationId == organisationId)
        ?? throw new HubException(ErrorCodes.JoinRequestNotFound, $"That organisation has no request waiting to join '{Slug}'.", "organisationId");

    private void AddMember(string organisationId)
    {
        if (_members.Count >= MaxMembers)
        {
            throw new HubException(ErrorCodes.MemberLimitReached, $"Network '{Slug}' has reached its limit of {MaxMembers} members.");
        }

        _state.State.Members.Add(new MemberEntry(organisationId, _time.GetUtcNow(), _state.State.NextMemberSeq++));
        _members.Add(organisationId);

        // Members joining count in national statistics, which read them by position after their round's interval.
        National.NationalWeeks.GetNetworkStatistics(GrainFactory, Slug).PokeAsync(null).Ignore();
    }

    private void DropMember(string organisationId)
    {
        _members.Remove(organisationId);
        _state.State.Members.RemoveAll(m => m.OrganisationId == organisationId);
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
