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
/// Reentrant, so notices arriving together share one storage write (<see cref="CoalescingWriter"/>). Its size is
/// bounded. An inbox keeps open and connected introductions and the newest <see cref="MaxClosed"/> of those that closed
/// without connecting. A network's records keep a few numbers per introduction it brokered or counts (its state, version
/// and request time: enough to list and to count each change once, about 60 bytes), until nothing can change it any
/// more (<see cref="IntroductionOptions.Settled"/> after the request: about two months); a coordinator's page reads the
/// views from the introductions themselves.
/// </remarks>
[Reentrant]
public sealed class IntroductionListGrain(
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
    private const string LedgerPrefix = "ledger:";

    private readonly ObserverManager<IIntroductionObserver> _observers = new(ObserverLifetime, logger);
    private CoalescingWriter? _writer;
    private int _sinceTrimmed;

    /// <summary>
    /// The state calls change. A write stores a copy of it (<see cref="Snapshot"/>), because calls interleave while a
    /// write is in flight and a storage provider may serialize after its first await.
    /// </summary>
    private IntroductionListState _live = new();

    private string Key => this.GetPrimaryKeyString();

    private bool IsInbox => Key.StartsWith(InboxPrefix, StringComparison.Ordinal);

    /// <summary>The organisation id of an inbox, or the network slug of a ledger.</summary>
    private string Owner => IsInbox ? Key[InboxPrefix.Length..] : Key[LedgerPrefix.Length..];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = state.State;
        _writer = new CoalescingWriter(() =>
        {
            state.State = Snapshot(_live);
            return state.WriteStateAsync();
        });
        return Task.CompletedTask;
    }

    public async Task ReceiveAsync(IntroductionNotice notice)
    {
        var view = notice.View;
        var entries = _live.Entries;
        entries.TryGetValue(view.Id, out var held);
        if (held is not null && held.Version >= view.Version)
        {
            // A repeat: make sure what is held is durable before confirming it again.
            await PersistAsync();
            return;
        }

        var readable = Readable(view);
        if (!readable && !notice.Home)
        {
            // A member's introduction that this network neither brokered nor counts: nothing to keep.
            return;
        }

        if (notice.Home)
        {
            _live.Counts = Count(_live.Counts, held, view);
        }

        if (IsInbox && view.State == IntroductionState.Connected && view.Counterpart is { } counterpart)
        {
            _live.ConnectedWith.Add(counterpart);
        }

        entries[view.Id] = new IntroductionListEntry(IsInbox ? view : null, notice.Home, view.Version, view.RequestedAt, view.State, view.Met == true)
        {
            Brokered = !IsInbox && readable,
        };
        // Trimming scans every entry, so it runs every so often rather than on each notice.
        if (++_sinceTrimmed >= TrimEvery)
        {
            _sinceTrimmed = 0;
            Forget(entries);
        }

        await PersistAsync();
        if (readable)
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
        // its broker sees it, read from the introduction (an inbox's views are cut for the organisation, not for them).
        bool Brokered(IntroductionListEntry entry) => entry.View?.BrokerNetwork == networkSlug;
        if (caller.ActsFor(Owner))
        {
            return await PageAsync(Brokered, ViewAsync, after, first, filter);
        }

        return await GrainFactory.IsCoordinatorAsync(caller, networkSlug)
            ? await PageAsync(Brokered, (id, _) => GrainFactory.GetIntroduction(id).GetBrokerViewAsync(), after, first, filter)
            : null;
    }

    public async Task<IntroductionView?> GetAsync(Caller caller, string introductionId) =>
        _live.Entries.TryGetValue(introductionId, out var entry) && (IsInbox || entry.Brokered) && await IsReaderAsync(caller)
            ? await ViewAsync(introductionId, entry)
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

    /// <summary>An inbox holds its views; a network's records read a brokered introduction's view from the introduction itself.</summary>
    private Task<IntroductionView?> ViewAsync(string id, IntroductionListEntry entry) =>
        entry.View is { } view ? Task.FromResult<IntroductionView?>(view) : GrainFactory.GetIntroduction(id).GetBrokerViewAsync();

    /// <summary>A page of the entries <paramref name="listed"/> picks, newest request first, each read by <paramref name="view"/>.</summary>
    private async Task<Page<IntroductionView>> PageAsync(
        Func<IntroductionListEntry, bool> listed, Func<string, IntroductionListEntry, Task<IntroductionView?>> view, IntroductionPosition? after, int first, IntroductionState? filter)
    {
        first = Input.PageSize(first, 100, "first");
        var items = _live.Entries
            .Where(p => listed(p.Value) && (filter is null || p.Value.State == filter))
            .Select(p => (Position: new IntroductionPosition(p.Value.RequestedAt, p.Key), Entry: p.Value))
            .ToList();
        items.Sort((x, y) => IntroductionPosition.Order(x.Position, y.Position));
        var start = after is null ? 0 : items.FindIndex(e => IntroductionPosition.Order(e.Position, after) > 0);
        if (start < 0)
        {
            start = items.Count;
        }

        var page = items.Skip(start).Take(first).ToArray();
        var views = await Task.WhenAll(page.Select(e => view(e.Position.Id, e.Entry)));
        return new Page<IntroductionView>([.. views.OfType<IntroductionView>()], start + page.Length < items.Count, items.Count);
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
        try
        {
            await _writer!.WriteAsync();
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
            foreach (var entry in entries.Values.Where(IsClosed).OrderBy(e => e.View!.ClosedAt).Take(closed - MaxClosed).ToArray())
            {
                entries.Remove(entry.View!.Id);
            }
        }
    }

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
