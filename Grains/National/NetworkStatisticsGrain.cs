using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Introductions;
using OurSociety.Federation.Networks.Links;
using OurSociety.Federation.Storage;
using Activity = OurSociety.Federation.Feeds.Activity;

namespace OurSociety.Federation.National;

/// <inheritdoc cref="INetworkStatisticsGrain"/>
/// <remarks>
/// Every change to its state happens in one loop (<see cref="CoalescingWriter"/>): pokes, flushes and consent changes
/// that arrive while a round runs share the next round. A round finishes the planned batch, applies a new say, sends
/// withdrawals, then plans and sends the next batch. A failed round is tried again by a grain timer (1 s doubling to a
/// minute) and, after a restart, when the feed next pokes.
/// <para>
/// A busy network costs one write of this state per round: the plan's write also records the batch before it as sent
/// (which was sent, but not yet recorded, at the end of the round before). If the grain stops in between, the stored
/// plan is the sent batch, which is counted again and sent again with the same sequence number, and the weeks ignore it.
/// The feed's items come with its pokes and are counted from memory when they follow on from those held; members and
/// links are read when the network pokes, on a flush, and otherwise every <see cref="SideReadInterval"/>.
/// </para>
/// </remarks>
[Reentrant]
public sealed class NetworkStatisticsGrain(
    [PersistentState("networkstatistics", HubStorage.Name)] IPersistentState<NetworkStatisticsState> state,
    TimeProvider time,
    IOptions<NationalOptions> options,
    ILogger<NetworkStatisticsGrain> logger) : Grain, INetworkStatisticsGrain
{
    /// <summary>The most feed positions one batch counts, so a long backlog goes in bounded steps.</summary>
    public const int MaxBatch = 4096;

    private const int ReadChunk = 256;

    private const int MaxRemembered = 10_000;

    /// <summary>The most feed items held from pokes; past it they are dropped and read back from the feed.</summary>
    private const int MaxInHand = 2 * MaxBatch;

    /// <summary>How often members, links, introductions and wants met are read when nothing said they changed.</summary>
    public static readonly TimeSpan SideReadInterval = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, FirstActivity> _firsts = new(StringComparer.Ordinal);

    private CoalescingWriter? _loop;
    private NationalConsent? _pendingConsent;
    private Dictionary<string, NationalBatch>? _counted;
    private IGrainTimer? _retry;
    private TimeSpan _backoff = TimeSpan.FromSeconds(1);
    private long _lastRound;
    private int _flushes;

    // Feed items from pokes, at consecutive positions from _inHand[0].Seq: what the feed wrote, durably.
    private readonly List<Activity> _inHand = [];

    // Whether members, links, introductions or wants met may have changed since they were last read.
    private bool _sideChanged = true;
    private long _sideReadAt;

    // The last batch was sent but its sending is not yet in storage (the next write records it).
    private bool _unrecorded;

    private string Slug => this.GetPrimaryKeyString()["stats:".Length..];

    private NetworkStatisticsState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _loop = new CoalescingWriter(RoundAsync);
        if (S.Planned is not null || S.Withdrawals.Count > 0)
        {
            Kick();
        }

        return Task.CompletedTask;
    }

    public Task PokeAsync(FeedWritten? written)
    {
        if (!options.Value.Enabled)
        {
            return Task.CompletedTask;
        }

        if (written is { Items.Count: > 0 } w)
        {
            Hold(w.Items);
        }
        else
        {
            _sideChanged = true;
        }

        Kick();
        return Task.CompletedTask;
    }

    /// <summary>Keeps a group commit's items if they follow on from those held; otherwise starts again from them.</summary>
    private void Hold(IReadOnlyList<Activity> items)
    {
        var first = items[0].Seq;
        var end = _inHand.Count == 0 ? first : _inHand[^1].Seq + 1;
        if (first < end || first < S.Through)
        {
            // Already held or counted (pokes may arrive out of order): the feed has them if they are needed.
            return;
        }

        if (first > end || _inHand.Count + items.Count > MaxInHand)
        {
            // A gap (a poke lost or still on its way) or a backlog: what is missing is read from the feed.
            _inHand.Clear();
        }

        _inHand.AddRange(items);
    }

    public async Task FlushAsync()
    {
        _flushes++;
        try
        {
            await _loop!.WriteAsync();
        }
        finally
        {
            _flushes--;
        }
    }

    public async Task<NationalConsent> SetConsentAsync(NationalConsent consent)
    {
        _pendingConsent = _pendingConsent is { } waiting && waiting.Version >= consent.Version ? waiting : consent;
        _flushes++;
        try
        {
            await _loop!.WriteAsync();
        }
        finally
        {
            _flushes--;
        }

        return S.Consent;
    }

    public Task<NationalConsent> GetConsentAsync() => Task.FromResult(S.Consent);

    /// <summary>Asks for a round: a busy feed pokes after every group commit, and all the pokes before a round begins share it.</summary>
    private void Kick() => _loop!.Request();

    private async Task RoundAsync()
    {
        // Pokes come once per group commit: wait out the interval since the last round so that one round counts them all,
        // unless someone is waiting on this round (a flush, a consent change).
        var wait = options.Value.RoundInterval - Stopwatch.GetElapsedTime(_lastRound);
        if (_flushes == 0 && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        // Taken now, so that a poke from the network during this round asks the next one to read again.
        var side = _sideChanged || _flushes > 0 || Stopwatch.GetElapsedTime(_sideReadAt) >= SideReadInterval;
        _sideChanged = false;
        try
        {
            if (S.Planned is { } planned)
            {
                await SendAsync(planned);
            }

            await ApplyConsentAsync();
            await SendWithdrawalsAsync();
            // One batch a round, unless a backlog fills batches to the brim: posts that arrive while a batch is sent
            // wait for the next round, so a busy feed is counted once a round instead of batch after batch without pause.
            while (options.Value.Enabled && await PlanAsync(side) is { } next)
            {
                await SendAsync(next);
                if (next.UpTo - next.From < MaxBatch)
                {
                    break;
                }
            }

            if (options.Value.Enabled && side)
            {
                await SendLinksAsync();
                _sideReadAt = Stopwatch.GetTimestamp();
            }

            if (_unrecorded && (_flushes > 0 || !options.Value.Enabled))
            {
                // Someone waits on this round (or nothing more will be planned): record the last batch sent now.
                await WriteAsync();
            }

            _backoff = TimeSpan.FromSeconds(1);
            _retry?.Dispose();
            _retry = null;
            _lastRound = Stopwatch.GetTimestamp();
        }
        catch (Exception e)
        {
            _sideChanged |= side;
            NationalLog.SendFailed(logger, e, Slug, _backoff);
            _retry?.Dispose();
            _retry = this.RegisterGrainTimer(() => _loop!.WriteAsync(), new GrainTimerCreationOptions(_backoff, Timeout.InfiniteTimeSpan) { KeepAlive = true });
            _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            throw;
        }
    }

    private async Task ApplyConsentAsync()
    {
        if (_pendingConsent is not { } say || say.Version <= S.Consent.Version)
        {
            _pendingConsent = null;
            return;
        }

        var held = S.Consent;
        if (say.OptedIn && !held.OptedIn)
        {
            // Consent covers what is posted from now on, and introductions and wants met from now on: the counts so far
            // become the baseline, never sent.
            S.SentIntroductions = await GrainFactory.GetIntroductionCountsAsync(Slug);
            S.SentWantsMet = await GrainFactory.GetMatches(Slug).GetWantsMetAsync();
            S.Consent = new NationalConsent(true, say.Version, held.Epoch + 1, time.GetUtcNow());
        }
        else if (!say.OptedIn && held.OptedIn)
        {
            foreach (var week in S.ConsentedWeeks)
            {
                S.Withdrawals[week] = held.Epoch;
            }

            S.ConsentedWeeks.Clear();
            S.Consent = new NationalConsent(false, say.Version, held.Epoch, null);
        }
        else
        {
            S.Consent = held with { Version = say.Version };
        }

        _pendingConsent = null;
        await WriteAsync();
    }

    private async Task SendWithdrawalsAsync()
    {
        if (S.Withdrawals.Count == 0)
        {
            return;
        }

        var withdrawals = S.Withdrawals.ToArray();
        await Fanout.RunAsync(withdrawals, 16, async w =>
        {
            await GrainFactory.GetNationalWeek(w.Key, Slug).WithdrawAsync(Slug, w.Value);
            return true;
        });
        foreach (var (week, _) in withdrawals)
        {
            S.Withdrawals.Remove(week);
        }

        await WriteAsync();
    }

    /// <summary>Tells the link graph of the network's active links when they changed since it last did.</summary>
    private async Task SendLinksAsync()
    {
        if (S.Region is null)
        {
            return;
        }

        var active = await GrainFactory.GetNetwork(Slug).GetLinksAsync(Caller.Anonymous, LinkState.Active);
        var peers = active.Select(l => l.Peer).Order(StringComparer.Ordinal).ToArray();
        if (peers.SequenceEqual(S.SentLinks, StringComparer.Ordinal))
        {
            return;
        }

        var version = Math.Max(S.LinksVersion + 1, time.GetUtcNow().UtcTicks);
        await GrainFactory.GetGrain<INationalLinksGrain>(NationalLinks.Key).SetAsync(Slug, version, active);
        S.SentLinks = [.. peers];
        S.LinksVersion = version;
        await WriteAsync();
    }

    /// <summary>
    /// Plans the next batch and writes the plan (and that the batch before it was sent) before anything is sent; null if
    /// there is nothing new. Members, introductions and wants met are read only when <paramref name="side"/>.
    /// </summary>
    private async Task<PlannedBatch?> PlanAsync(bool side)
    {
        // A feed without a network (none to read members or a region from) has nothing to count.
        if (S.Region is null)
        {
            if (await GrainFactory.GetNetwork(Slug).GetProfileAsync() is not { } profile)
            {
                return null;
            }

            S.Region = profile.Region;
        }

        var feed = GrainFactory.GetFeed(Slug);
        var upTo = Math.Min(await feed.GetCountAsync(), S.Through + MaxBatch);
        var consent = S.Consent;
        var introductions = consent.OptedIn && side ? await GrainFactory.GetIntroductionCountsAsync(Slug) : S.SentIntroductions;
        var wantsMet = consent.OptedIn && side ? await GrainFactory.GetMatches(Slug).GetWantsMetAsync() : S.SentWantsMet;
        var (membersThrough, joined) = side ? await JoinedAsync() : (S.MembersThrough, []);
        if (upTo <= S.Through && introductions == S.SentIntroductions && wantsMet == S.SentWantsMet && joined.Count == 0)
        {
            return null;
        }

        var week = NationalWeeks.Of(time.GetUtcNow());
        var plan = new PlannedBatch(S.LastSeq + 1, S.Through, upTo, consent.OptedIn, introductions, wantsMet, week, [], [], membersThrough, joined);
        var counted = await CountAsync(plan);
        var weeks = counted.Keys.ToHashSet(StringComparer.Ordinal);
        weeks.UnionWith(joined.Keys);
        if (introductions != S.SentIntroductions || wantsMet != S.SentWantsMet)
        {
            weeks.Add(week);
        }

        plan = plan with
        {
            Weeks = [.. weeks.Order(StringComparer.Ordinal)],
            ConsentedWeeks = [.. counted.Where(c => c.Value.Consented is not null).Select(c => c.Key).Order(StringComparer.Ordinal)],
        };
        S.LastSeq = plan.Seq;
        S.Planned = plan;
        await WriteAsync();
        _counted = counted;
        return plan;
    }

    /// <summary>
    /// Sends each week its part of <paramref name="plan"/> (counted again from the feed after a restart), then marks it
    /// sent in memory; the next write records that.
    /// </summary>
    private async Task SendAsync(PlannedBatch plan)
    {
        var counted = _counted ?? await CountAsync(plan);
        _counted = null;
        var introductions = plan.CountConsented ? Minus(plan.Introductions, S.SentIntroductions) : null;
        var wantsMet = plan.CountConsented ? plan.WantsMet - S.SentWantsMet : 0;
        var batches = plan.Weeks.Select(week =>
        {
            var batch = counted.TryGetValue(week, out var b) ? b : Batch(plan, new ActivityCounts(), null);
            batch = batch with { Joined = plan.Joined?.GetValueOrDefault(week) ?? 0 };
            return (Week: week, Batch: week == plan.Week ? batch with { Introductions = introductions, WantsMet = wantsMet } : batch);
        }).ToArray();
        await Fanout.RunAsync(batches, 16, async b =>
        {
            await GrainFactory.GetNationalWeek(b.Week, Slug).ApplyAsync(b.Batch);
            return true;
        });

        S.Through = plan.UpTo;
        S.MembersThrough = plan.MembersThrough ?? S.MembersThrough;
        S.SentIntroductions = plan.Introductions;
        S.SentWantsMet = plan.WantsMet;
        if (plan.CountConsented && S.Consent.OptedIn)
        {
            S.ConsentedWeeks.UnionWith(plan.ConsentedWeeks);
        }

        S.Planned = null;
        _unrecorded = true;
        if (_inHand.Count > 0)
        {
            _inHand.RemoveRange(0, (int)Math.Clamp(S.Through - _inHand[0].Seq, 0, _inHand.Count));
        }
    }

    private async Task WriteAsync()
    {
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        _unrecorded = false;
    }

    /// <summary>Members who joined since those counted, by the week they joined (membership lists are public), and the last one's position.</summary>
    private async Task<(long? Through, Dictionary<string, int> Joined)> JoinedAsync()
    {
        var joined = new Dictionary<string, int>(StringComparer.Ordinal);
        var through = S.MembersThrough;
        var network = GrainFactory.GetNetwork(Slug);
        for (var more = true; more;)
        {
            var page = await network.GetMembersAsync(through, 100);
            foreach (var member in page.Items)
            {
                var week = NationalWeeks.Of(member.JoinedAt);
                joined[week] = joined.GetValueOrDefault(week) + 1;
                through = member.Seq;
            }

            more = page.HasMore && page.Items.Count > 0;
        }

        return (through, joined);
    }

    /// <summary>
    /// Counts the feed positions of <paramref name="plan"/> by week: public activity always, non-public only under
    /// consent; and each author whose first counted activity anywhere is here, as a newcomer in that activity's week.
    /// </summary>
    private async Task<Dictionary<string, NationalBatch>> CountAsync(PlannedBatch plan)
    {
        var feed = GrainFactory.GetFeed(Slug);
        var byWeek = new Dictionary<string, (ActivityCounts Public, ActivityCounts? Consented)>(StringComparer.Ordinal);
        var firsts = new Dictionary<string, (long Seq, string Week, bool Public)>(StringComparer.Ordinal);
        var since = S.Consent.Since;
        DateTimeOffset weekStart = DateTimeOffset.MaxValue, weekEnd = DateTimeOffset.MinValue;
        var weekName = "";
        for (var from = plan.From; from < plan.UpTo;)
        {
            var items = await ReadAsync(feed, from, plan.UpTo);
            from += items.Count;
            foreach (var activity in items)
            {
                if (activity.PostedAt < weekStart || activity.PostedAt >= weekEnd)
                {
                    // Items come in posting order, so the week changes rarely: name it once per change.
                    weekStart = NationalWeeks.StartOf(activity.PostedAt);
                    weekEnd = weekStart.AddDays(7);
                    weekName = NationalWeeks.Of(weekStart);
                }

                var week = weekName;
                var counts = byWeek.TryGetValue(week, out var c) ? c : (new ActivityCounts(), null);
                if (activity.Visibility == Visibility.Public)
                {
                    counts.Public.Add(activity);
                }
                else if (plan.CountConsented && since is { } from_ && activity.PostedAt >= from_)
                {
                    // Non-public activity is counted only here, only under consent, and only from the opt-in on.
                    (counts.Consented ??= new ActivityCounts()).Add(activity);
                }
                else
                {
                    continue;
                }

                byWeek[week] = counts;
                firsts.TryAdd(activity.AuthorId, (activity.Seq, week, activity.Visibility == Visibility.Public));
            }
        }

        // The first statistics to claim an organisation keep it, so a batch counted again finds the same newcomers.
        var authors = firsts.ToArray();
        var claimed = await Fanout.RunAsync(authors, 16, a => _firsts.TryGetValue(a.Key, out var known)
            ? Task.FromResult(known)
            : GrainFactory.GetNationalNewcomer(a.Key).ClaimAsync(new FirstActivity(Slug, a.Value.Seq)));
        for (var i = 0; i < authors.Length; i++)
        {
            var (author, (seq, week, isPublic)) = authors[i];
            RememberFirst(author, claimed[i]);
            if (claimed[i].Network == Slug && claimed[i].Seq == seq)
            {
                var counts = byWeek[week];
                (isPublic ? counts.Public : counts.Consented!).Newcomers++;
            }
        }

        return byWeek.ToDictionary(e => e.Key, e => Batch(plan, e.Value.Public, e.Value.Consented), StringComparer.Ordinal);
    }

    /// <summary>The feed's items from <paramref name="from"/> on, before <paramref name="upTo"/>: those held if they start there, otherwise a chunk read from the feed.</summary>
    private async Task<IReadOnlyList<Activity>> ReadAsync(IFeedGrain feed, long from, long upTo)
    {
        var held = _inHand.Count == 0 ? -1 : _inHand[0].Seq;
        if (held >= 0 && from >= held && from < held + _inHand.Count)
        {
            return _inHand.GetRange((int)(from - held), (int)Math.Min(upTo - from, held + _inHand.Count - from));
        }

        // Up to where the held items start, if they start later.
        var end = held > from ? Math.Min(upTo, held) : upTo;
        var items = await feed.GetRangeAsync(from, (int)Math.Min(ReadChunk, end - from));
        return items.Count > 0 ? items : throw new InvalidOperationException($"The feed of '{Slug}' returned nothing at position {from}, below its count {upTo}.");
    }

    /// <summary>Keeps an author's first activity (it never changes), so a busy author costs one claim per activation.</summary>
    private void RememberFirst(string author, FirstActivity first)
    {
        if (_firsts.Count >= MaxRemembered)
        {
            _firsts.Clear();
        }

        _firsts[author] = first;
    }

    private NationalBatch Batch(PlannedBatch plan, ActivityCounts publicCounts, ActivityCounts? consented) =>
        new(Slug, S.Region!, plan.Seq, plan.UpTo, publicCounts, S.Consent.Epoch, consented, null, 0);

    private static IntroductionCounts Minus(IntroductionCounts a, IntroductionCounts b) => new(
        a.Requested - b.Requested, a.Connected - b.Connected, a.Declined - b.Declined, a.Expired - b.Expired, a.Withdrawn - b.Withdrawn, a.Met - b.Met);
}
