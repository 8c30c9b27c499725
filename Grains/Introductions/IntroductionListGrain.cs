using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Reminders;
using Orleans.Utilities;
using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Introductions;

/// <inheritdoc cref="IIntroductionListGrain"/>
/// <remarks>
/// Reentrant, so notices arriving together share one storage write (<see cref="CoalescingWriter"/>). It holds a few
/// numbers per introduction (its state, version and request time: enough to list and to count each change once, about
/// 60 bytes) and reads views from the introductions, so a notice costs a write only when it changes what the list
/// cannot read back: a new introduction, a connection, a close, a met check-in, a count. An answer that leaves an
/// introduction open is kept in memory and goes with the next write. Its size is bounded. An inbox keeps open and
/// connected introductions and the newest <see cref="MaxClosed"/> of those that closed without connecting. A network's
/// records keep the introductions it brokered or counts until nothing can change them any more
/// (<see cref="IntroductionOptions.Settled"/> after the request: about two months).
/// </remarks>
[Reentrant]
public sealed partial class IntroductionListGrain(
    [PersistentState("introductions", HubStorage.Name)] IPersistentState<IntroductionListState> state,
    IOptions<IntroductionOptions> options,
    [FromKeyedServices(ReminderTimeProviderNames.Reminders)] TimeProvider time,
    ILogger<IntroductionListGrain> logger) : Grain, IIntroductionListGrain
{
    /// <summary>How many introductions that closed without connecting a list keeps listing.</summary>
    public const int MaxClosed = 1000;

    /// <summary>The most organisations an inbox blocks.</summary>
    public const int MaxBlocked = 500;

    /// <summary>How long an observer lives without renewal; API processes renew at a third of it.</summary>
    public static readonly TimeSpan ObserverLifetime = TimeSpan.FromMinutes(1);

    /// <summary>How many notices a list takes between trims (so a list may exceed its bounds by this many entries).</summary>
    private const int TrimEvery = 64;

    private const string InboxPrefix = "inbox:";

    private readonly ObserverManager<IIntroductionObserver> _observers = new(ObserverLifetime, logger);
    private CoalescingWriter? _writer;
    private int _sinceTrimmed;

    /// <summary>The last write that carried a change the list must keep; a notice is confirmed only once it is done.</summary>
    private Task _durable = Task.CompletedTask;

    /// <summary>Whether memory holds changes that no write has carried yet (answers that left an introduction open).</summary>
    private bool _unsaved;

    /// <summary>
    /// The state calls change. A write stores a copy of it (<see cref="Snapshot"/>), because calls interleave while a
    /// write is in flight and a storage provider may serialize after its first await.
    /// </summary>
    private IntroductionListState _live = new();

    private string? _key;
    private string? _owner;

    /// <summary>The grain's key, read once: <c>GetPrimaryKeyString</c> decodes a new string on every call.</summary>
    private string Key => _key ??= this.GetPrimaryKeyString();

    private bool IsInbox => Key.StartsWith(InboxPrefix, StringComparison.Ordinal);

    /// <summary>The organisation id of an inbox, or the network slug of a ledger.</summary>
    private string Owner => _owner ??= IsInbox ? Key[InboxPrefix.Length..] : IntroductionLedgers.SlugOf(Key);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = state.State;
        _writer = new CoalescingWriter(() =>
        {
            _unsaved = false;
            state.State = Snapshot(_live);
            return state.WriteStateAsync();
        });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved)
        {
            // Answers that left an introduction open: nothing depends on them here, but a list read after a restart is
            // closer to the truth with them.
            try
            {
                await _writer!.WriteAsync();
            }
            catch (Exception e)
            {
                LogUnsavedLost(e, Key);
            }
        }
    }

    public async Task ReceiveAsync(IntroductionNotice notice)
    {
        var view = notice.View;
        var entries = _live.Entries;
        entries.TryGetValue(view.Id, out var held);
        if (held is not null && held.Version >= view.Version)
        {
            // A repeat: make sure what is held is durable before confirming it again.
            await _durable;
            return;
        }

        var readable = Readable(view);
        if (!readable && !notice.Home)
        {
            // A member's introduction that this network neither brokered nor counts: nothing to keep.
            return;
        }

        // What must be durable before this returns: what the list cannot read back from the introduction. An answer that
        // leaves it open changes none of it (the view is always read from the introduction), so it costs no write here.
        var lasting = held is null || (held.State != view.State && !view.State.IsOpen()) || (view.Met == true && !held.Met);
        if (notice.Home)
        {
            _live.Counts = Count(_live.Counts, held, view);
        }

        if (IsInbox && view.State == IntroductionState.Connected && view.Counterpart is { } counterpart)
        {
            lasting |= _live.ConnectedWith.Add(counterpart);
        }

        entries[view.Id] = new IntroductionListEntry(null, notice.Home, view.Version, view.RequestedAt, view.State, view.Met == true)
        {
            Brokered = !IsInbox && readable,
            BrokerNetwork = IsInbox ? view.BrokerNetwork : null,
        };
        // Trimming scans every entry, so it runs every so often rather than on each notice.
        if (++_sinceTrimmed >= TrimEvery)
        {
            _sinceTrimmed = 0;
            Forget(entries);
        }

        if (lasting)
        {
            await PersistAsync();
        }
        else
        {
            // Kept with the next write, or when the grain is deactivated; confirmed once what came before is durable.
            _unsaved = true;
            await _durable;
        }

        if (readable && _observers.Count > 0)
        {
            var key = Key;
            _observers.Notify(o => o.IntroductionChanged(key, view).Ignore());
        }
    }

    public async Task<Page<IntroductionView>?> GetPageAsync(Caller caller, IntroductionPosition? after, int first, IntroductionState? filter)
    {
        if (!await IsReaderAsync(caller))
        {
            return null;
        }

        return await PageAsync(e => IsInbox || e.Brokered, ViewAsync, after, first, filter);
    }

    public async Task<Page<IntroductionView>?> GetBrokeredPageAsync(Caller caller, string networkSlug, IntroductionPosition? after, int first, IntroductionState? filter)
    {
        if (!IsInbox || caller.IsAnonymous)
        {
            return null;
        }

        // The organisation's people see their own views; the network's coordinators see what their network brokered as
        // its broker sees it, read from the introduction.
        bool Brokered(IntroductionListEntry entry) => entry.BrokerNetwork == networkSlug;
        if (caller.ActsFor(Owner))
        {
            return await PageAsync(Brokered, ViewAsync, after, first, filter);
        }

        return await GrainFactory.IsCoordinatorAsync(caller, networkSlug)
            ? await PageAsync(Brokered, id => GrainFactory.GetIntroduction(id).GetBrokerViewAsync(), after, first, filter)
            : null;
    }

    public async Task<IntroductionView?> GetAsync(Caller caller, string introductionId) =>
        _live.Entries.TryGetValue(introductionId, out var entry) && (IsInbox || entry.Brokered) && await IsReaderAsync(caller)
            ? await ViewAsync(introductionId)
            : null;

    public Task<IntroductionCounts> GetCountsAsync() => Task.FromResult(_live.Counts);

    public Task<IntroductionPreferences?> GetPreferencesAsync(Caller caller) =>
        Task.FromResult(IsInbox && caller.ActsFor(Owner) ? _live.Preferences : null);

    public async Task<IntroductionPreferences> ChangePreferencesAsync(Caller caller, bool? open, IReadOnlyList<string> block, IReadOnlyList<string> unblock)
    {
        caller.RequireSignedIn("choose which introductions an organisation takes");
        if (!IsInbox || !caller.ActsFor(Owner))
        {
            throw caller.Forbidden("Only an organisation's own people may set which introductions it takes.");
        }

        CheckIds(block, "block");
        CheckIds(unblock, "unblock");
        if (block.Any(unblock.Contains))
        {
            throw new HubException(ErrorCodes.InvalidValue, "An organisation cannot be both blocked and unblocked in one change.", "unblock");
        }

        // Read, change and set with no await in between: this grain is reentrant, so that makes the change atomic
        // against any other change interleaved with it.
        var current = _live.Preferences;
        var blocked = current.Blocked.Concat(block).Distinct(StringComparer.Ordinal).Where(id => !unblock.Contains(id)).ToList();
        if (blocked.Count > MaxBlocked)
        {
            throw new HubException(ErrorCodes.TooMany, $"An organisation blocks at most {MaxBlocked} others.", "block");
        }

        var changed = new IntroductionPreferences(open ?? current.Open, blocked);
        _live.Preferences = changed;
        await PersistAsync();
        return changed;
    }

    private void CheckIds(IReadOnlyList<string> ids, string field)
    {
        foreach (var id in ids)
        {
            if (!HubIds.IsOrganisationId(id))
            {
                throw new HubException(ErrorCodes.IdInvalid, "That is not an organisation id.", field);
            }

            if (id == Owner)
            {
                throw new HubException(ErrorCodes.InvalidValue, "An organisation cannot block or unblock itself.", field);
            }
        }
    }

    public Task<bool> AcceptsFromAsync(string organisationId)
    {
        var preferences = _live.Preferences;
        return Task.FromResult(preferences.Open && !preferences.Blocked.Contains(organisationId));
    }

    public Task<bool> IsConnectedWithAsync(IReadOnlyList<string> organisationIds) =>
        Task.FromResult(organisationIds.Any(_live.ConnectedWith.Contains));

    public async Task<bool> SubscribeAsync(Caller caller, IIntroductionObserver observer)
    {
        if (!await IsReaderAsync(caller))
        {
            return false;
        }

        _observers.Subscribe(observer, observer);
        return true;
    }

    public Task UnsubscribeAsync(IIntroductionObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>Each view is read from the introduction itself, cut for this list's readers: the organisation's, or the broker's.</summary>
    private Task<IntroductionView?> ViewAsync(string id) =>
        IsInbox ? GrainFactory.GetIntroduction(id).GetPartyViewAsync(Owner) : GrainFactory.GetIntroduction(id).GetBrokerViewAsync();

    /// <summary>A page of the entries <paramref name="listed"/> picks, newest request first, each read by <paramref name="view"/>.</summary>
    private async Task<Page<IntroductionView>> PageAsync(
        Func<IntroductionListEntry, bool> listed, Func<string, Task<IntroductionView?>> view, IntroductionPosition? after, int first, IntroductionState? filter)
    {
        first = Input.PageSize(first, 100, "first");

        // The state stored for an open introduction may be behind it after a crash (an answer that left it open is not
        // written at once), so an open state is matched against the introduction's own view; connected and closed states
        // are always written before their notice is confirmed.
        var open = filter?.IsOpen() == true;
        var candidates = _live.Entries
            .Where(p => listed(p.Value) && (filter is null || (open ? p.Value.State.IsOpen() : p.Value.State == filter)))
            .Select(p => (Position: new IntroductionPosition(p.Value.RequestedAt, p.Key), Entry: p.Value))
            .ToList();
        candidates.Sort((x, y) => IntroductionPosition.Order(x.Position, y.Position));
        var start = after is null ? 0 : candidates.FindIndex(e => IntroductionPosition.Order(e.Position, after) > 0);
        if (start < 0)
        {
            start = candidates.Count;
        }

        var items = new List<IntroductionView>(first);
        var next = start;
        while (items.Count < first && next < candidates.Count)
        {
            var batch = candidates.Skip(next).Take(first - items.Count).ToArray();
            next += batch.Length;
            var views = await Task.WhenAll(batch.Select(e => view(e.Position.Id)));
            items.AddRange(views.OfType<IntroductionView>().Where(v => filter is null || v.State == filter));
        }

        // The total counts what memory holds, which every notice keeps up to date while the list is active.
        var total = open ? candidates.Count(e => e.Entry.State == filter) : candidates.Count;
        return new Page<IntroductionView>([.. items], next < candidates.Count, total);
    }

    /// <summary>An inbox lists everything it holds; a network lists only what it brokered (the rest it only counts).</summary>
    private bool Readable(IntroductionView view) => IsInbox || view.BrokerNetwork == Owner;

    private async Task<bool> IsReaderAsync(Caller caller)
    {
        if (caller.IsAnonymous)
        {
            return false;
        }

        if (IsInbox)
        {
            return caller.ActsFor(Owner);
        }

        return await GrainFactory.IsCoordinatorAsync(caller, Owner);
    }

    private async Task PersistAsync()
    {
        var write = _writer!.WriteAsync();
        _durable = write;
        try
        {
            await write;
        }
        catch
        {
            // The change is in memory but not durable: start again from what storage holds; the sender retries.
            DeactivateOnIdle();
            throw;
        }
    }

    private static IntroductionListState Snapshot(IntroductionListState live) => new()
    {
        Entries = new Dictionary<string, IntroductionListEntry>(live.Entries, StringComparer.Ordinal),
        Counts = live.Counts,
        ConnectedWith = [.. live.ConnectedWith],
        Preferences = live.Preferences,
    };

    /// <summary>Keeps the list within its bounds (see the remarks on the class).</summary>
    private void Forget(Dictionary<string, IntroductionListEntry> entries)
    {
        if (!IsInbox)
        {
            var settledBefore = time.GetUtcNow() - options.Value.Settled;
            foreach (var settled in entries.Where(p => p.Value.RequestedAt < settledBefore).Select(p => p.Key).ToArray())
            {
                entries.Remove(settled);
            }

            return;
        }

        var closed = entries.Values.Count(IsClosed);
        if (closed > MaxClosed)
        {
            foreach (var id in entries.Where(p => IsClosed(p.Value)).OrderBy(p => p.Value.RequestedAt).Take(closed - MaxClosed).Select(p => p.Key).ToArray())
            {
                entries.Remove(id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Introduction list {Key}: answers kept in memory could not be written at deactivation; a later notice or read restores them.")]
    private partial void LogUnsavedLost(Exception exception, string key);

    private static bool IsClosed(IntroductionListEntry entry) => !entry.State.IsOpen() && entry.State != IntroductionState.Connected;

    /// <summary>Moves the counts from what the list held (if anything) to <paramref name="now"/>.</summary>
    private static IntroductionCounts Count(IntroductionCounts counts, IntroductionListEntry? before, IntroductionView now)
    {
        var requested = before is null ? 1 : 0;
        int Became(IntroductionState s) => now.State == s && before?.State != s ? 1 : 0;
        var met = now.Met == true && before?.Met != true ? 1 : 0;
        return counts with
        {
            Requested = counts.Requested + requested,
            Connected = counts.Connected + Became(IntroductionState.Connected),
            Declined = counts.Declined + Became(IntroductionState.Declined),
            Expired = counts.Expired + Became(IntroductionState.Expired),
            Withdrawn = counts.Withdrawn + Became(IntroductionState.Withdrawn),
            Met = counts.Met + met,
        };
    }
}
