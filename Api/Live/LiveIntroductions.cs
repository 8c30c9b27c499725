using System.Collections.Concurrent;
using OurSociety.Federation.Access;
using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.Api.Live;

/// <summary>
/// This process's live readers of introductions. One grain observer serves them all: it is subscribed to each
/// introduction list (an organisation's inbox, a network's records) that someone here may read and is watching,
/// renewed on a timer (observers expire), and unsubscribed when the last reader of a list leaves. Each list checks
/// every reader's right to it when the reader joins and at every renewal, so a reader who loses the right stops
/// hearing; each event is already cut to what that list's readers may know.
/// </summary>
public sealed class LiveIntroductions : IIntroductionObserver, IHostedService, IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly ILogger<LiveIntroductions> _logger;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<LiveStream<IntroductionView>, Caller>> _lists = new(StringComparer.Ordinal);
    private readonly Lazy<IIntroductionObserver> _reference;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _renewing;

    public LiveIntroductions(IGrainFactory grains, ILogger<LiveIntroductions> logger)
    {
        _grains = grains;
        _logger = logger;
        _reference = new(() => grains.CreateObjectReference<IIntroductionObserver>(this));
    }

    /// <summary>
    /// Starts watching every introduction <paramref name="caller"/> may see: its organisations' inboxes and the records
    /// of the networks it coordinates.
    /// </summary>
    public async Task<IObservable<IntroductionView>> WatchAsync(Caller caller)
    {
        var stream = new LiveStream<IntroductionView>(LiveFeeds.ReaderQueue, Leave);
        string[] keys = [.. caller.Organisations.Select(o => "inbox:" + o), .. caller.Networks.SelectMany(IntroductionLedgers.Keys)];
        foreach (var key in keys)
        {
            lock (_lists)
            {
                _lists.GetOrAdd(key, _ => new())[stream] = caller;
            }

            try
            {
                if (!await _grains.GetGrain<IIntroductionListGrain>(key).SubscribeAsync(caller, _reference.Value))
                {
                    Remove(key, stream);
                }
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        return stream;
    }

    public Task IntroductionChanged(string list, IntroductionView view)
    {
        if (_lists.TryGetValue(list, out var readers))
        {
            foreach (var stream in readers.Keys)
            {
                if (HearsFrom(stream, view) == list)
                {
                    stream.Offer(view);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _renewing = RenewAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_renewing is not null)
        {
            await _renewing.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var stream in _lists.Values.SelectMany(r => r.Keys).Distinct())
        {
            stream.End();
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>How many readers this process has for an introduction list (<c>inbox:{id}</c>, or one of a network's <c>ledger:{slug}#{n}</c>).</summary>
    public int ReadersOf(string list) => _lists.TryGetValue(list, out var readers) ? readers.Count : 0;

    /// <summary>
    /// Which of the lists a reader watches tells it of a change to <paramref name="view"/>'s introduction: the first party's
    /// inbox it watches, else the brokering network's records. A reader who is both a party's person and the broker's
    /// coordinator hears of each change once, with the party's view.
    /// </summary>
    private string? HearsFrom(LiveStream<IntroductionView> stream, IntroductionView view)
    {
        string?[] candidates = ["inbox:" + view.A, "inbox:" + view.B, view.BrokerNetwork is { } broker ? IntroductionLedgers.Key(broker, view.Id) : null];
        return candidates.FirstOrDefault(key => key is not null && _lists.TryGetValue(key, out var readers) && readers.ContainsKey(stream));
    }

    private void Leave(LiveStream<IntroductionView> stream)
    {
        foreach (var key in _lists.Keys)
        {
            Remove(key, stream);
        }
    }

    private void Remove(string key, LiveStream<IntroductionView> stream)
    {
        lock (_lists)
        {
            if (!_lists.TryGetValue(key, out var readers) || !readers.TryRemove(stream, out _) || !readers.IsEmpty)
            {
                return;
            }

            _lists.TryRemove(key, out _);
        }

        _grains.GetGrain<IIntroductionListGrain>(key).UnsubscribeAsync(_reference.Value).Ignore();
    }

    private async Task RenewAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(LiveFeeds.RenewEvery);
        while (await LiveFeeds.NextTickAsync(timer, stopping))
        {
            var callers = new Dictionary<(string, HubRoles), Task<Caller>>();
            foreach (var (key, readers) in _lists)
            {
                try
                {
                    foreach (var (stream, reader) in readers)
                    {
                        var who = (reader.Subject, reader.Roles);
                        if (!callers.TryGetValue(who, out var signingIn))
                        {
                            callers[who] = signingIn = _grains.SignInAsync(who.Subject, who.Roles);
                        }

                        var caller = await signingIn;
                        if (await _grains.GetGrain<IIntroductionListGrain>(key).SubscribeAsync(caller, _reference.Value))
                        {
                            readers.TryUpdate(stream, caller, reader);
                        }
                        else
                        {
                            Remove(key, stream);
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LiveLog.RenewFailed(_logger, e, key);
                }
            }
        }
    }
}
