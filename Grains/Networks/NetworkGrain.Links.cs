using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks.Links;

namespace OurSociety.Federation.Networks;

/// <summary>
/// Links with other networks. Each side changes only its own statement (<see cref="LinkSide"/>) and sends it to the
/// other with a one-way message, so two network grains never wait on each other; a statement not yet confirmed is
/// sent again on a timer until the other side says it has heard it. Receiving keeps the newest version, so repeats
/// and late arrivals change nothing and both sides end with the same pair of statements, hence the same state.
/// </summary>
public sealed partial class NetworkGrain
{
    /// <summary>The most links (in any state but ended) one network keeps.</summary>
    public const int MaxLinks = 200;

    private static readonly TimeSpan _firstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _lastRetry = TimeSpan.FromMinutes(1);

    private IGrainTimer? _linkRetry;
    private TimeSpan _retryDelay = _firstRetry;

    private Dictionary<string, LinkRecord> Links => _state.State.Links;

    public async Task<LinkView> ProposeLinkAsync(Caller caller, string peer, IReadOnlyList<ActivityKind> shares)
    {
        RequireCoordinator(caller, "propose links");
        peer = Input.Slug(peer, "toNetworkSlug");
        var kinds = SharedKinds(shares);
        if (peer == Slug)
        {
            throw new HubException(ErrorCodes.LinkSelf, "A network cannot link to itself.", "toNetworkSlug");
        }

        if (Links.TryGetValue(peer, out var existing) && existing.State != LinkState.Ended)
        {
            throw existing.State == LinkState.Proposed && !existing.Ours.Consented
                ? new HubException(ErrorCodes.LinkExists, $"'{peer}' has already proposed a link: accept it instead.", "toNetworkSlug")
                : new HubException(ErrorCodes.LinkExists, $"There is already a link with '{peer}' ({existing.State}).", "toNetworkSlug");
        }

        if (Links.Values.Count(l => l.State != LinkState.Ended) >= MaxLinks)
        {
            throw new HubException(ErrorCodes.LinkLimitReached, $"A network has at most {MaxLinks} links; end one first.", "toNetworkSlug");
        }

        if (await GrainFactory.GetNetwork(peer).GetProfileAsync() is null)
        {
            throw new HubException(ErrorCodes.NetworkNotFound, $"There is no network '{peer}'.", "toNetworkSlug");
        }

        var link = new LinkRecord { Peer = peer, Epoch = (existing?.Epoch ?? 0) + 1, ProposedBy = Slug };
        Links[peer] = link;
        link.Ours = Statement(link.Ours, consented: true, kinds);
        Record(caller, AuditAction.LinkProposed, detail: $"{peer}; shares {string.Join(", ", kinds)}");
        return await ChangedLinkAsync(link);
    }

    public async Task<LinkView> AcceptLinkAsync(Caller caller, string peer, IReadOnlyList<ActivityKind> shares)
    {
        RequireCoordinator(caller, "accept links");
        peer = Input.Slug(peer, "fromNetworkSlug");
        var kinds = SharedKinds(shares);
        if (!Links.TryGetValue(peer, out var link) || link.State == LinkState.Ended || !link.Theirs.Consented)
        {
            throw new HubException(ErrorCodes.LinkNotProposed, $"'{peer}' has not proposed a link to '{Slug}'.", "fromNetworkSlug");
        }

        if (!link.Ours.Consented)
        {
            link.Ours = Statement(link.Ours, consented: true, kinds);
            Record(caller, AuditAction.LinkAccepted, detail: $"{peer}; shares {string.Join(", ", kinds)}");
        }

        // Accepting again is a retry: nothing changes, and the other side hears again if it has not yet.
        return await ChangedLinkAsync(link);
    }

    public Task<LinkView> SetLinkSharingAsync(Caller caller, string peer, IReadOnlyList<ActivityKind> shares) =>
        ChangeLinkAsync(
            caller,
            peer,
            "change what is shared over",
            l =>
            {
                var kinds = SharedKinds(shares);
                return !l.Ours.Consented
                    ? throw new HubException(ErrorCodes.LinkNotActive, $"Accept the link '{l.Peer}' proposed first.", "otherNetworkSlug")
                    : l.Ours.Shares.SequenceEqual(kinds) ? null : l.Ours with { Shares = kinds };
            },
            AuditAction.LinkSharingChanged,
            allowProposed: true);

    public Task<LinkView> SuspendLinkAsync(Caller caller, string peer) =>
        ChangeLinkAsync(caller, peer, "suspend", l => l.Ours.Suspended ? null : l.Ours with { Suspended = true }, AuditAction.LinkSuspended);

    public Task<LinkView> ResumeLinkAsync(Caller caller, string peer) =>
        ChangeLinkAsync(caller, peer, "resume", l => l.Ours.Suspended ? l.Ours with { Suspended = false } : null, AuditAction.LinkResumed);

    public Task<LinkView> EndLinkAsync(Caller caller, string peer) =>
        ChangeLinkAsync(caller, peer, "end", l => l.Ours with { Ended = true }, AuditAction.LinkEnded, allowProposed: true);

    public async Task ReceiveLinkAsync(LinkMessage message)
    {
        if (_state.State.Profile is null || message.From == Slug || !Input.IsSlug(message.From))
        {
            return;
        }

        var peer = message.From;
        var found = Links.TryGetValue(peer, out var link);
        var before = found ? link!.State : LinkState.Ended;
        if (!found || message.Epoch > link!.Epoch)
        {
            // A new epoch (a first proposal, or a new one after an end) replaces what this side held.
            link = new LinkRecord { Peer = peer, Epoch = message.Epoch, ProposedBy = message.ProposedBy };
            Links[peer] = link;
        }
        else if (message.Epoch < link.Epoch)
        {
            // News about a link both sides have moved past; our newer statement is on its way.
            Deliver(link);
            return;
        }

        var heard = message.Side.Version > link.Theirs.Version;
        if (heard)
        {
            link.Theirs = message.Side;
        }

        link.Delivered = Math.Max(link.Delivered, Math.Min(message.Heard, link.Ours.Version));
        if (heard || link.State != before)
        {
            NoteSince(link);
            if (link.State != before)
            {
                // Narrowing takes effect in the feed before anything else; widening after the record is durable.
                await ApplyLinkAsync(link, before);
            }
            else
            {
                await SaveAsync();
            }
        }

        // Answer when the sender has not heard our newest statement, or to confirm we heard theirs.
        if (heard || message.Heard < link.Ours.Version)
        {
            Deliver(link);
        }

        ScheduleRetry();
    }

    public Task<IReadOnlyList<LinkView>> GetLinksAsync(Caller caller, LinkState? state)
    {
        if (_state.State.Profile is null)
        {
            return Task.FromResult<IReadOnlyList<LinkView>>([]);
        }

        // A proposal is not a link until the other side consents: only the two networks' coordinators see it.
        var coordinator = IsCoordinator(caller);
        IReadOnlyList<LinkView> links = Links.Values
            .Where(l => (state is null || l.State == state) && (coordinator || l.State != LinkState.Proposed))
            .OrderBy(l => l.Peer, StringComparer.Ordinal)
            .Select(l => l.View(Slug))
            .ToArray();
        return Task.FromResult(links);
    }

    public Task<bool> ReceivesFromAsync(Caller caller, string peer, ActivityKind kind) =>
        Task.FromResult(_state.State.Profile is not null && IsInsider(caller) && Links.TryGetValue(peer, out var link) && link.TheyShare(kind));

    private async Task<LinkView> ChangeLinkAsync(
        Caller caller, string peer, string action, Func<LinkRecord, LinkSide?> change, AuditAction audit, bool allowProposed = false)
    {
        RequireCoordinator(caller, $"{action} links");
        peer = Input.Slug(peer, "otherNetworkSlug");
        if (!Links.TryGetValue(peer, out var link))
        {
            throw new HubException(ErrorCodes.LinkNotFound, $"'{Slug}' has no link with '{peer}'.", "otherNetworkSlug");
        }

        if (link.State == LinkState.Ended)
        {
            // Ending again is a retry; nothing else applies to an ended link.
            return audit == AuditAction.LinkEnded
                ? await ChangedLinkAsync(link)
                : throw new HubException(ErrorCodes.LinkNotActive, $"The link with '{peer}' has ended; propose a new one.", "otherNetworkSlug");
        }

        if (link.State == LinkState.Proposed && !allowProposed)
        {
            throw new HubException(ErrorCodes.LinkNotActive, $"The link with '{peer}' is only proposed: accept or end it.", "otherNetworkSlug");
        }

        if (change(link) is { } side)
        {
            var before = link.State;
            var sharesLess = link.Ours.Shares.Except(side.Shares).Any();
            var detail = side.Shares.SequenceEqual(link.Ours.Shares) ? peer : $"{peer}; shares {string.Join(", ", side.Shares)}";
            link.Ours = side with { Version = link.Ours.Version + 1, ChangedAt = _time.GetUtcNow() };
            Record(caller, audit, detail: detail);
            return await ChangedLinkAsync(link, before, sharesLess);
        }

        return await ChangedLinkAsync(link);
    }

    /// <summary>Makes a change to our statement durable and effective, then tells the other side.</summary>
    private async Task<LinkView> ChangedLinkAsync(LinkRecord link, LinkState? before = null, bool sharesLess = false)
    {
        NoteSince(link);
        await ApplyLinkAsync(link, before ?? link.State, sharesLess);
        Deliver(link);
        ScheduleRetry();
        return link.View(Slug);
    }

    /// <summary>
    /// Saves the record and tells the feed what it may share. When the change narrows sharing the feed hears first,
    /// so an item is never shared for a moment after a suspend or end; when it widens, the record is durable first.
    /// </summary>
    private async Task ApplyLinkAsync(LinkRecord link, LinkState before, bool sharesLess = false)
    {
        if ((before == LinkState.Active && link.State != LinkState.Active) || sharesLess)
        {
            await PushSharingAsync();
            await SaveAsync();
        }
        else
        {
            await SaveAsync();
            await PushSharingAsync();
        }
    }

    private Task PushSharingAsync()
    {
        var sharing = Links.Values
            .Where(l => l.State == LinkState.Active)
            .ToDictionary(l => l.Peer, l => l.Ours.Shares.ToArray(), StringComparer.Ordinal);
        // Versions follow the clock (and always rise), so a version used by a change whose save then failed is still passed.
        var version = _state.State.SharingVersion = Math.Max(_state.State.SharingVersion + 1, _time.GetUtcNow().UtcTicks);

        // Active links changed: the national link graph hears through the network's statistics, one way.
        National.NationalWeeks.GetNetworkStatistics(GrainFactory, Slug).PokeAsync(null).Ignore();
        return GrainFactory.GetFeed(Slug).SetSharingAsync(version, sharing);
    }

    private void NoteSince(LinkRecord link)
    {
        if (link.State == LinkState.Active && link.Since is null)
        {
            link.Since = _time.GetUtcNow();
        }
    }

    private LinkSide Statement(LinkSide current, bool consented, ActivityKind[] shares) =>
        current with { Version = current.Version + 1, Consented = consented, Shares = shares, ChangedAt = _time.GetUtcNow() };

    private static ActivityKind[] SharedKinds(IReadOnlyList<ActivityKind>? shares)
    {
        var kinds = (shares ?? []).Distinct().Order().ToArray();
        if (kinds.Length == 0)
        {
            throw new HubException(ErrorCodes.Required, "Say which kinds of activity this network shares over the link.", "sharedKinds");
        }

        return kinds.All(Enum.IsDefined)
            ? kinds
            : throw new HubException(ErrorCodes.InvalidValue, "Unknown activity kind.", "sharedKinds");
    }

    /// <summary>Sends our statement one way; a lost message is sent again by the retry timer.</summary>
    private void Deliver(LinkRecord link) =>
        GrainFactory.GetNetwork(link.Peer).ReceiveLinkAsync(link.MessageFrom(Slug)).Ignore();

    private void ScheduleRetry()
    {
        if (!Links.Values.Any(l => l.Undelivered))
        {
            _linkRetry?.Dispose();
            _linkRetry = null;
            _retryDelay = _firstRetry;
            return;
        }

        _linkRetry ??= this.RegisterGrainTimer(RetryLinksAsync, new GrainTimerCreationOptions(_firstRetry, _firstRetry) { KeepAlive = true });
    }

    private Task RetryLinksAsync(CancellationToken cancellationToken)
    {
        foreach (var link in Links.Values.Where(l => l.Undelivered))
        {
            HubLog.LinkRedelivered(_logger, Slug, link.Peer, link.Ours.Version);
            Deliver(link);
        }

        // Back off while the other side stays silent; a change or an answer starts again from the first delay.
        _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, _lastRetry.Ticks));
        _linkRetry?.Change(_retryDelay, _retryDelay);
        ScheduleRetry();
        return Task.CompletedTask;
    }
}
