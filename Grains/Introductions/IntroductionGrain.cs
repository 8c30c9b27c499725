using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Reminders;
using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Networks.Links;
using OurSociety.Federation.Organisations;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Introductions;

/// <inheritdoc cref="IIntroductionGrain"/>
/// <remarks>
/// Every change is written first, then told to each recipient (both inboxes, and the records of the network it counts
/// for) with its version. A recipient that does not confirm is retried by a grain timer while the grain is active, and
/// by the grain's durable reminder after a restart, so no notice is lost; recipients keep the newest version, so none
/// is applied twice. The same reminder carries the deadlines: a nudge at half-time, expiry, and the check-in after
/// connecting. It is removed once nothing is due and every recipient has confirmed. Deadlines are measured on the
/// reminder service's clock, so the reminder and the grain always agree on what is due (both are the system clock
/// unless a test replaces them).
/// </remarks>
public sealed partial class IntroductionGrain(
    [PersistentState("introduction", HubStorage.Name)] IPersistentState<IntroductionRecord> state,
    [FromKeyedServices(ReminderTimeProviderNames.Reminders)] TimeProvider time,
    IOptions<IntroductionOptions> options,
    ILogger<IntroductionGrain> logger) : Grain, IIntroductionGrain, IRemindable
{
    public const int MaxReasonLength = 1000;

    private const string DeadlineReminder = "deadline";

    /// <summary>
    /// The reminder's period: how often it wakes the grain again after its due time until the grain points it at the next
    /// deadline or removes it (and, with no deadline left, how often it retries notices after a restart).
    /// </summary>
    private static readonly TimeSpan _backstop = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How early a deadline counts as reached: reminder stores keep times to the millisecond or microsecond, so a tick
    /// can arrive a hair before the deadline it was set for.
    /// </summary>
    private static readonly TimeSpan _slack = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan _firstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _maxRetry = TimeSpan.FromMinutes(1);

    private IGrainTimer? _retry;
    private Recipient[]? _recipients;
    private TimeSpan _retryDelay = _firstRetry;

    private string? _id;

    /// <summary>The introduction's id, read once: <c>GetPrimaryKeyString</c> decodes a new string on every call.</summary>
    private string Id => _id ??= this.GetPrimaryKeyString();

    private IntroductionRecord Record => state.State;

    private RequestIntroduction Request => Record.Request
        ?? throw new HubException(ErrorCodes.IntroductionNotFound, "There is no such introduction.", "introductionId");

    public async Task<IntroductionView> RequestAsync(Caller caller, RequestIntroduction command)
    {
        caller.RequireSignedIn("ask for an introduction");
        if (Record.Request is { } existing)
        {
            // A retry of the same request (the id came from the caller's client request id) returns what it made.
            if (existing.A != command.A || existing.B != command.B || Record.RequestedBy != caller.Subject)
            {
                throw new HubException(ErrorCodes.RequestIdReused, "This client request id was already used for a different introduction.", "clientRequestId");
            }

            // A retry after a failure may find the state written but its reminder or notices not: finish what the first
            // attempt began.
            if (Record.State.IsOpen() && Record.ReminderDue is { } due)
            {
                await PointReminderAsync(due, time.GetUtcNow());
            }

            await DeliverAsync();
            return await ViewForAsync(caller) ?? throw NotFound();
        }

        var request = Checked(command);
        var (a, b) = await ProfilesAsync(request);
        string? asker = null;
        if (request.BrokerNetwork is { } broker)
        {
            if (!await IsCoordinatorAsync(caller, broker))
            {
                throw caller.Forbidden($"Only a coordinator of '{broker}' may broker introductions for it.");
            }

            if (!a.Networks.Contains(broker) && !b.Networks.Contains(broker))
            {
                throw new HubException(ErrorCodes.NotAMember, $"Neither organisation is a member of '{broker}', so it cannot broker this introduction.", "brokerNetworkSlug");
            }
        }
        else
        {
            asker = caller.ActsFor(request.A) ? request.A
                : caller.ActsFor(request.B) ? request.B
                : throw caller.Forbidden("Ask for an introduction for an organisation you act for, or as a coordinator brokering it (brokerNetworkSlug).");
        }

        var (aNetwork, bNetwork) = await NetworksAsync(a, b, request.BrokerNetwork);
        var wantAuthor = await CheckActivityAsync(caller, request.Want, ActivityKind.Want, [request.A, request.B], "wantId");
        await CheckActivityAsync(caller, request.Offer, ActivityKind.Offer, wantAuthor is null ? [request.A, request.B] : [wantAuthor == request.A ? request.B : request.A], "offerId");
        var accepts = await Task.WhenAll(GrainFactory.GetInbox(request.A).AcceptsFromAsync(request.B), GrainFactory.GetInbox(request.B).AcceptsFromAsync(request.A));
        if (!accepts.All(a => a))
        {
            throw new HubException(ErrorCodes.OptedOut, "This introduction cannot be made: one of the organisations is not taking introductions to the other.");
        }

        var now = time.GetUtcNow();
        var record = Record;
        record.Request = request;
        record.RequestedBy = caller.Subject;
        record.Asker = asker;
        record.ANetwork = aNetwork;
        record.BNetwork = bNetwork;
        record.RequestedAt = now;
        record.ExpiresAt = now + options.Value.ExpiresAfter;
        record.AAnswer = asker == request.A ? IntroductionAnswer.Accepted : IntroductionAnswer.None;
        record.BAnswer = asker == request.B ? IntroductionAnswer.Accepted : IntroductionAnswer.None;
        record.State = asker is null ? IntroductionState.Requested : IntroductionState.AcceptedByOne;
        record.Version = 1;

        // The reminder and the state go to storage together (on the embedded store, in one group commit). If only the
        // reminder lands, it finds nothing and removes itself; if only the state lands, the caller sees a failure and its
        // retry, or the next activation, registers the reminder again.
        Record.ReminderDue = NextDeadline();
        await Task.WhenAll(PointReminderAsync(Record.ReminderDue!.Value, now), WriteAsync());
        await DeliverAsync();
        return ViewFor(Side(caller, null) ?? Role.Broker);
    }

    public async Task<IntroductionView?> GetAsync(Caller caller) => Record.Request is null ? null : await ViewForAsync(caller);

    public Task<IntroductionView?> GetBrokerViewAsync() => Task.FromResult(Record.Request is null ? null : ViewFor(Role.Broker));

    public Task<IntroductionView?> GetPartyViewAsync(string organisationId) => Task.FromResult(
        Record.Request is not { } request ? null
        : organisationId == request.A ? ViewFor(Role.A)
        : organisationId == request.B ? ViewFor(Role.B)
        : null);

    public async Task<IntroductionView> RespondAsync(Caller caller, string? organisationId, bool accept, string? clientRequestId = null)
    {
        var side = await PartyAsync(caller, organisationId, "answer an introduction");
        var record = Record;
        var given = side == Role.A ? record.AAnswer : record.BAnswer;
        var answer = accept ? IntroductionAnswer.Accepted : IntroductionAnswer.Declined;
        var requestId = Input.RequestId(clientRequestId, "clientRequestId");
        if (given != IntroductionAnswer.None && requestId is not null && requestId == (side == Role.A ? record.AAnswerRequestId : record.BAnswerRequestId))
        {
            // A retry of an answer that was written (its acknowledgement lost with a silo or a connection): the answer
            // stands, whatever happened since, and the notices the first attempt may not have finished go out again.
            if (given != answer)
            {
                throw new HubException(ErrorCodes.RequestIdReused, "This client request id was already used for a different answer.", "clientRequestId");
            }

            await DeliverAsync();
            return ViewFor(side);
        }

        await CloseIfDueAsync();
        RequireOpen();
        if (given != IntroductionAnswer.None)
        {
            throw new HubException(ErrorCodes.AlreadyAnswered, "This organisation has already answered this introduction.", "introductionId");
        }

        var now = time.GetUtcNow();
        if (side == Role.A)
        {
            (record.AAnswer, record.AAnswerRequestId) = (answer, requestId);
        }
        else
        {
            (record.BAnswer, record.BAnswerRequestId) = (answer, requestId);
        }

        if (!accept)
        {
            record.State = IntroductionState.Declined;
            record.ClosedAt = now;
        }
        else if (record.AAnswer == IntroductionAnswer.Accepted && record.BAnswer == IntroductionAnswer.Accepted)
        {
            record.State = IntroductionState.Connected;
            record.ConnectedAt = now;
        }
        else
        {
            record.State = IntroductionState.AcceptedByOne;
        }

        await ChangeAsync(now);
        return ViewFor(side);
    }

    public async Task<IntroductionView> WithdrawAsync(Caller caller)
    {
        caller.RequireSignedIn("withdraw an introduction");
        var request = Request;
        var asked = request.BrokerNetwork is { } broker ? await IsCoordinatorAsync(caller, broker) : caller.ActsFor(Record.Asker!);
        if (!asked)
        {
            // Who may see it and did not ask is a party (a broker's coordinator asked); anyone else learns nothing.
            throw Side(caller, null) is not null
                ? caller.Forbidden("Only whoever asked for an introduction may withdraw it; either organisation may decline it.")
                : NotFound();
        }

        await CloseIfDueAsync();
        RequireOpen();
        var now = time.GetUtcNow();
        Record.State = IntroductionState.Withdrawn;
        Record.ClosedAt = now;
        await ChangeAsync(now);
        return ViewFor(Side(caller, null) ?? Role.Broker);
    }

    public async Task<IntroductionView> AnswerCheckInAsync(Caller caller, string? organisationId, bool met)
    {
        var side = await PartyAsync(caller, organisationId, "answer an introduction's check-in");
        var record = Record;
        if (record.State != IntroductionState.Connected)
        {
            throw new HubException(ErrorCodes.IntroductionNotConnected, "Only a connected introduction has a check-in to answer.", "introductionId");
        }

        if (time.GetUtcNow() > record.ConnectedAt!.Value + options.Value.CheckInAfter + IntroductionOptions.CheckInWindow)
        {
            throw new HubException(ErrorCodes.IntroductionClosed, "The check-in for this introduction has closed.", "introductionId");
        }

        if ((side == Role.A ? record.AMet : record.BMet) is not null)
        {
            throw new HubException(ErrorCodes.AlreadyAnswered, "This organisation has already answered the check-in.", "introductionId");
        }

        if (side == Role.A)
        {
            record.AMet = met;
        }
        else
        {
            record.BMet = met;
        }

        await ChangeAsync(time.GetUtcNow());
        return ViewFor(side);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Record.Request is null)
        {
            // A reminder left by a request whose write never happened.
            await UnscheduleAsync();
            return;
        }

        await CloseIfDueAsync();
        var now = time.GetUtcNow();
        var record = Record;
        var changed = false;
        if (record.State.IsOpen() && record.RemindedAt is null && now + _slack >= NudgeAt(record))
        {
            record.RemindedAt = now;
            changed = true;
        }

        if (record.State == IntroductionState.Connected && record.CheckInAskedAt is null && now + _slack >= record.ConnectedAt!.Value + options.Value.CheckInAfter)
        {
            record.CheckInAskedAt = now;
            changed = true;
        }

        // Where the reminder goes next is written with the change, then the reminder follows; if that fails, its period
        // brings the tick (and this) back.
        var next = NextDeadline() ?? (Undelivered().Count > 0 ? now + _backstop : null);
        if (changed || next != record.ReminderDue)
        {
            record.Version += changed ? 1 : 0;
            record.ReminderDue = next;
            await WriteAsync();
        }

        if (next is { } due)
        {
            await PointReminderAsync(due, now);
        }
        else
        {
            await UnscheduleAsync();
        }

        await DeliverAsync();
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Record.Request is null)
        {
            return;
        }

        if (Undelivered().Count > 0)
        {
            StartRetrying();
        }

        // A reminder that should be set but is not (its registration failed after the state was written) is set again.
        if (Record.ReminderDue is { } due && await this.GetReminder(DeadlineReminder, cancellationToken) is null)
        {
            await PointReminderAsync(due, time.GetUtcNow());
        }
    }

    /// <summary>Expires an open introduction whose time is up, even if its reminder has not fired yet.</summary>
    private async Task CloseIfDueAsync()
    {
        var now = time.GetUtcNow();
        if (Record.State.IsOpen() && now + _slack >= Record.ExpiresAt)
        {
            Record.State = IntroductionState.Expired;
            Record.ClosedAt = now;
            await ChangeAsync(now);
        }
    }

    /// <summary>
    /// Bumps the version and writes (moving the reminder alongside when the next deadline comes sooner), then tells the
    /// recipients.
    /// </summary>
    private async Task ChangeAsync(DateTimeOffset now)
    {
        Record.Version++;

        // The reminder moves only when the next deadline comes before it is due: when it fires early, the tick points
        // it on (so connecting, declining or withdrawing usually costs no reminder write).
        var next = NextDeadline();
        var earlier = next is { } n && (Record.ReminderDue is not { } due || n < due);
        if (earlier)
        {
            Record.ReminderDue = next;
        }

        await Task.WhenAll(WriteAsync(), earlier ? PointReminderAsync(next!.Value, now) : Task.CompletedTask);
        await DeliverAsync();
    }

    private void RequireOpen()
    {
        if (!Record.State.IsOpen())
        {
            throw new HubException(ErrorCodes.IntroductionClosed, "This introduction is closed: it can no longer be answered or withdrawn.", "introductionId");
        }
    }

    private Task WriteAsync() => state.WriteOrDeactivateAsync(DeactivateOnIdle);

    private DateTimeOffset NudgeAt(IntroductionRecord record) => record.RequestedAt + ((record.ExpiresAt - record.RequestedAt) / 2);

    /// <summary>The next deadline, if any is left.</summary>
    private DateTimeOffset? NextDeadline()
    {
        var record = Record;
        if (record.State.IsOpen())
        {
            return record.RemindedAt is null ? NudgeAt(record) : record.ExpiresAt;
        }

        return record.State == IntroductionState.Connected && record.CheckInAskedAt is null
            ? record.ConnectedAt!.Value + options.Value.CheckInAfter
            : null;
    }

    /// <summary>Registers (or moves) the grain's one reminder to fall due at <paramref name="due"/>.</summary>
    private async Task PointReminderAsync(DateTimeOffset due, DateTimeOffset now)
    {
        var wait = due - now;
        await this.RegisterOrUpdateReminder(DeadlineReminder, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, _backstop);
        Record.ReminderDue = due;
    }

    private async Task UnscheduleAsync()
    {
        if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        Record.ReminderDue = null;
        _retry?.Dispose();
        _retry = null;
    }

    /// <summary>Tells every recipient that has not confirmed the current version; failures are retried by timer and reminder.</summary>
    private async Task DeliverAsync()
    {
        var pending = Undelivered();
        if (pending.Count == 0)
        {
            return;
        }

        var version = Record.Version;
        var broker = BrokerView();
        var sends = new Task<bool>[pending.Count];
        for (var i = 0; i < sends.Length; i++)
        {
            sends[i] = SendAsync(pending[i], ViewFor(pending[i].Role, broker));
        }

        var results = await Task.WhenAll(sends);
        var all = true;
        for (var i = 0; i < pending.Count; i++)
        {
            if (results[i])
            {
                Record.Delivered[pending[i].Key] = version;
            }
            else
            {
                all = false;
            }
        }

        if (all)
        {
            _retry?.Dispose();
            _retry = null;
            _retryDelay = _firstRetry;

            // A reminder still set finds nothing left on its next tick and removes itself. (What each recipient confirmed
            // is written with the next change; after a restart the grain may tell them again, which they ignore.)
        }
        else
        {
            // Retried on a timer while active, and by the reminder (a backstop if none is set) after a restart.
            StartRetrying();
            if (Record.ReminderDue is null)
            {
                var now = time.GetUtcNow();
                await PointReminderAsync(now + _backstop, now);
            }
        }
    }

    private async Task<bool> SendAsync(Recipient recipient, IntroductionView view)
    {
        try
        {
            await GrainFactory.Get<IIntroductionListGrain>(recipient.Key).ReceiveAsync(new IntroductionNotice(view, recipient.Home));
            return true;
        }
        catch (Exception e)
        {
            LogDeliveryFailed(e, Id, recipient.Key);
            return false;
        }
    }

    private void StartRetrying()
    {
        if (_retry is not null)
        {
            return;
        }

        _retry = this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(_retryDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        _retry?.Dispose();
        _retry = null;
        _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, _maxRetry.Ticks));
        await DeliverAsync();
    }

    /// <summary>The recipients that have not confirmed the current version.</summary>
    private List<Recipient> Undelivered()
    {
        var record = Record;
        var pending = new List<Recipient>(3);
        foreach (var recipient in Recipients())
        {
            if (record.Delivered.GetValueOrDefault(recipient.Key) < record.Version)
            {
                pending.Add(recipient);
            }
        }

        return pending;
    }

    /// <summary>
    /// Who is told of every change: both organisations' inboxes and the records of the network the introduction counts
    /// for (<see cref="IntroductionRecord.Home"/>: its broker, or else the asker's network). The other network's records
    /// would keep nothing of it (they list only what that network brokered and count only what counts for it), so they
    /// are not told. Fixed once the introduction exists, so made once per activation.
    /// </summary>
    private Recipient[] Recipients()
    {
        if (_recipients is null)
        {
            var record = Record;
            var request = record.Request!;
            _recipients =
            [
                new("inbox:" + request.A, Role.A, false),
                new("inbox:" + request.B, Role.B, false),
                new(IntroductionLedgers.Key(record.Home, Id), Role.Broker, true),
            ];
        }

        return _recipients;
    }

    /// <summary>The introduction as its broker sees it; a party's view adds its own side (<see cref="ViewFor(Role, IntroductionView)"/>).</summary>
    private IntroductionView BrokerView()
    {
        var record = Record;
        var request = record.Request!;
        return new IntroductionView(
            Id, record.Version, record.State, request.Reason, record.RequestedAt, record.ExpiresAt, request.A, request.B,
            record.ANetwork, record.BNetwork, request.BrokerNetwork, request.Want, request.Offer, IntroductionRole.Broker)
        {
            ConnectedAt = record.ConnectedAt,
            ClosedAt = record.ClosedAt,
            CheckInAsked = record.CheckInAskedAt is not null,
            Met = record.Met,
        };
    }

    private IntroductionView ViewFor(Role role) => ViewFor(role, BrokerView());

    /// <summary>The view for <paramref name="role"/>, from the current <paramref name="broker"/> view.</summary>
    private IntroductionView ViewFor(Role role, IntroductionView broker)
    {
        var record = Record;
        var request = record.Request!;
        return role switch
        {
            Role.A => broker with { Role = IntroductionRole.Party, Side = request.A, YourAnswer = record.AAnswer, Reminded = record.RemindedAt is not null && record.AAnswer == IntroductionAnswer.None },
            Role.B => broker with { Role = IntroductionRole.Party, Side = request.B, YourAnswer = record.BAnswer, Reminded = record.RemindedAt is not null && record.BAnswer == IntroductionAnswer.None },
            _ => broker,
        };
    }

    private async Task<IntroductionView?> ViewForAsync(Caller caller)
    {
        if (Side(caller, null) is { } side)
        {
            return ViewFor(side);
        }

        return Request.BrokerNetwork is { } broker && await IsCoordinatorAsync(caller, broker) ? ViewFor(Role.Broker) : null;
    }

    /// <summary>Which party the caller acts for: the one named, or the only one it acts for.</summary>
    private Role? Side(Caller caller, string? organisationId)
    {
        var request = Record.Request!;
        if (organisationId is not null)
        {
            return organisationId == request.A && caller.ActsFor(request.A) ? Role.A
                : organisationId == request.B && caller.ActsFor(request.B) ? Role.B
                : null;
        }

        return caller.ActsFor(request.A) ? Role.A : caller.ActsFor(request.B) ? Role.B : null;
    }

    private async Task<Role> PartyAsync(Caller caller, string? organisationId, string action)
    {
        caller.RequireSignedIn(action);
        var request = Request;
        if (Side(caller, organisationId) is { } side)
        {
            return side;
        }

        // The broker may know the introduction exists; anyone else is told nothing about it.
        var sees = request.BrokerNetwork is { } broker && await IsCoordinatorAsync(caller, broker);
        throw sees || (organisationId is null ? null : Side(caller, null)) is not null
            ? caller.Forbidden($"Only the two organisations may {action}.")
            : NotFound();
    }

    private static HubException NotFound() => new(ErrorCodes.IntroductionNotFound, "There is no such introduction, or it is not yours to see.", "introductionId");

    private Task<bool> IsCoordinatorAsync(Caller caller, string slug) => GrainFactory.IsCoordinatorAsync(caller, slug);

    private static RequestIntroduction Checked(RequestIntroduction command)
    {
        if (!HubIds.IsOrganisationId(command.A))
        {
            throw new HubException(ErrorCodes.IdInvalid, "That is not an organisation id.", "a");
        }

        if (!HubIds.IsOrganisationId(command.B))
        {
            throw new HubException(ErrorCodes.IdInvalid, "That is not an organisation id.", "b");
        }

        if (command.A == command.B)
        {
            throw new HubException(ErrorCodes.IntroductionSelf, "An organisation cannot be introduced to itself.", "b");
        }

        return command with
        {
            Reason = Input.Text(command.Reason, MaxReasonLength, "A reason", "reason"),
            BrokerNetwork = command.BrokerNetwork is null ? null : Input.Slug(command.BrokerNetwork, "brokerNetworkSlug"),
        };
    }

    private async Task<(OrganisationProfile A, OrganisationProfile B)> ProfilesAsync(RequestIntroduction request)
    {
        var profiles = await Task.WhenAll(GrainFactory.GetOrganisation(request.A).GetProfileAsync(), GrainFactory.GetOrganisation(request.B).GetProfileAsync());
        return (
            profiles[0] ?? throw new HubException(ErrorCodes.OrganisationNotFound, "There is no such organisation.", "a"),
            profiles[1] ?? throw new HubException(ErrorCodes.OrganisationNotFound, "There is no such organisation.", "b"));
    }

    /// <summary>
    /// The networks through which each is introduced: a network they share, or two that are actively linked (with a
    /// broker, one of them is the broker's). Fails with <c>LINK_REQUIRED</c> when there is neither.
    /// </summary>
    private async Task<(string A, string B)> NetworksAsync(OrganisationProfile a, OrganisationProfile b, string? broker)
    {
        var candidates = broker is null ? a.Networks.Order(StringComparer.Ordinal).ToArray() : [broker];
        foreach (var network in candidates)
        {
            if (b.Networks.Contains(network) && (broker is null || a.Networks.Contains(network)))
            {
                return (network, network);
            }
        }

        foreach (var network in candidates)
        {
            var links = await GrainFactory.GetNetwork(network).GetLinksAsync(Caller.Anonymous, LinkState.Active);
            var peers = links.Select(l => l.Peer).ToHashSet(StringComparer.Ordinal);
            if (broker is null || a.Networks.Contains(network))
            {
                if (b.Networks.Order(StringComparer.Ordinal).FirstOrDefault(peers.Contains) is { } peer)
                {
                    return (network, peer);
                }
            }
            else if (a.Networks.Order(StringComparer.Ordinal).FirstOrDefault(peers.Contains) is { } peer)
            {
                return (peer, network);
            }
        }

        throw new HubException(
            ErrorCodes.LinkRequired,
            broker is null
                ? "These organisations share no network and none of their networks are linked: an introduction needs an active link between their networks."
                : $"'{broker}' has no active link with a network of the other organisation: an introduction needs one.");
    }

    /// <summary>
    /// Checks that a named want or offer exists, is of <paramref name="kind"/>, is visible to the caller and was posted by
    /// one of <paramref name="authors"/>; returns its author.
    /// </summary>
    private async Task<string?> CheckActivityAsync(Caller caller, ActivityRef? activity, ActivityKind kind, string[] authors, string field)
    {
        if (activity is null)
        {
            return null;
        }

        var found = Input.IsSlug(activity.Network) ? await GrainFactory.GetNetwork(activity.Network).GetActivityAsync(caller, activity.Seq) : null;
        if (found is null)
        {
            throw new HubException(ErrorCodes.ActivityNotFound, "There is no such activity, or it is not yours to see.", field);
        }

        if (found.Kind != kind || !authors.Contains(found.AuthorId))
        {
            throw new HubException(
                ErrorCodes.InvalidValue,
                $"An introduction's {field[..^2]} must be a {kind.ToString().ToUpperInvariant()} posted by {(authors.Length == 1 ? "the other organisation" : "one of the two organisations")}.",
                field);
        }

        return found.AuthorId;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Introduction {Id}: a notice to {Recipient} failed; it will be retried.")]
    private partial void LogDeliveryFailed(Exception exception, string id, string recipient);

    private enum Role
    {
        A,
        B,
        Broker,
    }

    private readonly record struct Recipient(string Key, Role Role, bool Home);
}
