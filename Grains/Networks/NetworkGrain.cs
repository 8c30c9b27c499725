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
public sealed partial class NetworkGrain(
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

    private readonly IPersistentState<NetworkState> _state = state;
    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;
    private readonly HashSet<string> _members = new(StringComparer.Ordinal);

    private string Slug => GrainKeys.SlugOf(this.GetPrimaryKeyString());

    private NetworkProfile Profile => _state.State.Profile
        ?? throw new HubException(ErrorCodes.NetworkNotFound, $"There is no network '{Slug}'.", "networkSlug");

    /// <summary>The profile as readers see it: the member count is the live one, never stored.</summary>
    private NetworkProfile Current => Profile with { MemberCount = _members.Count };

    private List<string> Coordinators => _state.State.Coordinators;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _members.UnionWith(_state.State.Members.Select(m => m.OrganisationId));
        await HandOffAuditAsync();
        if (Links.Count > 0)
        {
            // The feed may have missed the last widening (it is told after the record is saved): tell it again.
            await PushSharingAsync();
            ScheduleRetry();
        }
    }

    public async Task<NetworkProfile> CreateAsync(Caller caller, CreateNetwork command)
    {
        caller.Require(HubRoles.Admin, "create networks");
        var name = Input.Text(command.Name, Input.MaxNameLength, "A name", "name");
        var region = Regions.Canonical(command.Region, "region");
        var charter = Input.OptionalText(command.Charter, Input.MaxCharterLength, "A charter", "charter");
        var coordinators = (command.Coordinators ?? [])
            .Select(c => Input.Subject(c, "coordinators"))
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
        if (_state.State.Profile is { } existing)
        {
            if (createdBy is null || _state.State.CreatedBy != createdBy)
            {
                throw new HubException(ErrorCodes.SlugTaken, $"The slug '{Slug}' is taken; choose another.", "slug");
            }

            // A retry: the first attempt may have failed before the directory or the coordinators' index heard of it.
            await AnnounceAsync(existing);
            return existing;
        }

        var profile = new NetworkProfile(Slug, name, region, charter, _time.GetUtcNow(), 0, command.JoinPolicy ?? JoinPolicy.Approval);
        _state.State.Profile = profile;
        _state.State.CreatedBy = createdBy;
        _state.State.Coordinators = [.. coordinators];
        Record(caller, AuditAction.NetworkCreated, detail: $"coordinators: {string.Join(", ", coordinators)}");
        await SaveAsync();
        await AnnounceAsync(profile);
        return profile;
    }

    public Task<NetworkProfile?> GetProfileAsync() => Task.FromResult(_state.State.Profile is null ? null : Current);

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
            return Current;
        }

        _state.State.Profile = profile with { Name = name, Charter = charter, JoinPolicy = policy };
        Record(caller, AuditAction.ProfileChanged, detail: string.Join("; ", changed));
        await SaveAsync();
        return Current;
    }

    public Task<IReadOnlyList<string>?> GetCoordinatorsAsync(Caller caller) =>
        Task.FromResult<IReadOnlyList<string>?>(_state.State.Profile is not null && IsInsider(caller) ? [.. Coordinators] : null);

    public async Task<NetworkProfile> AddCoordinatorAsync(Caller caller, string subject)
    {
        RequireCoordinator(caller, "add coordinators");
        subject = Input.Subject(subject, "subject");
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
        return Current;
    }

    public async Task<NetworkProfile> RemoveCoordinatorAsync(Caller caller, string subject)
    {
        RequireCoordinator(caller, "remove coordinators");
        subject = Input.Subject(subject, "subject");
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
        return Current;
    }

    public async Task<Activity> PostAsync(Caller caller, string organisationId, PostActivity post)
    {
        _ = Profile;
        RequireActsFor(caller, organisationId, "post");
        var draft = ActivityDraft.From(organisationId, post);
        if (!_members.Contains(organisationId))
        {
            throw new HubException(ErrorCodes.NotAMember, $"That organisation is not a member of '{Slug}'; ask to join the network first.", "organisationId");
        }

        var activity = await GrainFactory.GetFeed(Slug).AppendAsync(draft);
        Publish(activity);
        if (activity.Kind == ActivityKind.Want)
        {
            // One way: posting never waits on matching, and matching failing never fails a post.
            GrainFactory.GetMatches(Slug).WantPostedAsync(activity).Ignore();
        }
        else if (activity.Kind == ActivityKind.Offer)
        {
            // Linked networks that take offers hear of it through Publish, and look for their own wants then.
            GrainFactory.GetMatches(Slug).OfferPostedAsync(activity).Ignore();
        }

        return activity;
    }

    public async Task<Activity> LabelAsync(Caller caller, long seq, IReadOnlyList<string> labels)
    {
        caller.RequireSignedIn("label activities");
        var tags = Input.Tags(labels, "labels", "labels");
        var feed = GrainFactory.GetFeed(Slug);
        var activity = _state.State.Profile is null ? null : await feed.GetAsync(seq);
        if (activity is null || !(AudienceOf(caller).CanSee(activity) || caller.ActsFor(activity.AuthorId)))
        {
            throw new HubException(ErrorCodes.ActivityNotFound, "There is no such activity.", "activityId");
        }

        if (!caller.ActsFor(activity.AuthorId))
        {
            throw caller.Forbidden("Only the organisation that posted an item labels it.");
        }

        return activity.Labels.SequenceEqual(tags, StringComparer.Ordinal) ? activity : await feed.RelabelAsync(seq, tags);
    }

    public Task<FeedPage> GetFeedAsync(Caller caller, FeedQuery query)
    {
        _ = Profile;
        return GrainFactory.GetFeed(Slug).GetPageAsync(query with { Audience = AudienceOf(caller) });
    }

    public Task<FeedAudience> GetAudienceAsync(Caller caller)
    {
        _ = Profile;
        return Task.FromResult(AudienceOf(caller));
    }

    public async Task<Activity?> GetActivityAsync(Caller caller, long seq)
    {
        if (_state.State.Profile is null)
        {
            return null;
        }

        var activity = await GrainFactory.GetFeed(Slug).GetAsync(seq);
        return activity is not null && (AudienceOf(caller).CanSee(activity) || await ReachesThroughLinkAsync(caller, activity)) ? activity : null;
    }

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

    private async Task AnnounceAsync(NetworkProfile profile)
    {
        await GrainFactory.GetNetworkDirectory().AddAsync(profile);
        await Task.WhenAll(Coordinators.Select(c => GrainFactory.GetSubject(c).SetNetworkAsync(Slug, coordinator: true)));
    }
}
