using System.Collections.Concurrent;
using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Feeds.Live;

namespace OurSociety.Federation.Api.Live;

/// <summary>
/// This process's live readers of federated feeds. One grain observer serves them all: it is subscribed to the
/// <see cref="ILiveFeedGrain"/> of every network someone here is watching (renewed on a timer, since observers expire)
/// and unsubscribed when the last reader of a network leaves. Each event goes to the readers of its network whose
/// audience may see it; a reader's audience is worked out again at each renewal, so lost rights stop its updates.
/// </summary>
public sealed class LiveFeeds : IFeedObserver, IHostedService, IDisposable
{
    /// <summary>How many events a reader may fall behind before the oldest are dropped.</summary>
    public const int ReaderQueue = 256;

    private readonly IGrainFactory _grains;
    private readonly ILogger<LiveFeeds> _logger;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<LiveStream<Activity>, Reader>> _networks = new(StringComparer.Ordinal);
    private readonly Lazy<IFeedObserver> _reference;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _renewing;

    public LiveFeeds(IGrainFactory grains, ILogger<LiveFeeds> logger)
    {
        _grains = grains;
        _logger = logger;
        _reference = new(() => grains.CreateObjectReference<IFeedObserver>(this));
    }

    /// <summary>How often subscriptions and readers' audiences are renewed: well inside the observer lifetime.</summary>
    public static TimeSpan RenewEvery => LiveFeedGrain.ObserverLifetime / 3;

    /// <summary>
    /// Starts watching <paramref name="slug"/>'s federated feed for <paramref name="caller"/>: its own items the caller
    /// may see, and what linked networks share with it (linked items for its members, public ones for anyone).
    /// </summary>
    public async Task<IObservable<Activity>> WatchAsync(string slug, Caller caller, IReadOnlyList<ActivityKind>? kinds)
    {
        var audience = await _grains.GetNetwork(slug).GetAudienceAsync(caller);
        var stream = new LiveStream<Activity>(ReaderQueue, s => Leave(slug, s));
        bool first;
        lock (_networks)
        {
            var readers = _networks.GetOrAdd(slug, _ => new());
            first = readers.IsEmpty;
            readers[stream] = new Reader(caller, kinds is { Count: > 0 } ? [.. kinds] : null, audience);
        }

        if (first)
        {
            try
            {
                await _grains.GetLiveFeed(slug).SubscribeAsync(_reference.Value);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        return stream;
    }

    public Task OnActivity(string network, Activity activity, bool linked)
    {
        if (_networks.TryGetValue(network, out var readers))
        {
            foreach (var (stream, reader) in readers)
            {
                if (reader.Sees(activity, linked))
                {
                    stream.Offer(activity);
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

        foreach (var readers in _networks.Values)
        {
            foreach (var stream in readers.Keys)
            {
                stream.End();
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>How many readers this process has for <paramref name="slug"/> (for tests and health).</summary>
    public int ReadersOf(string slug) => _networks.TryGetValue(slug, out var readers) ? readers.Count : 0;

    private void Leave(string slug, LiveStream<Activity> stream)
    {
        // Joining and leaving take the same lock, so a reader never joins a network's list just as it is dropped.
        lock (_networks)
        {
            if (!_networks.TryGetValue(slug, out var readers) || !readers.TryRemove(stream, out _) || !readers.IsEmpty)
            {
                return;
            }

            _networks.TryRemove(slug, out _);
        }

        _grains.GetLiveFeed(slug).UnsubscribeAsync(_reference.Value).Ignore();
    }

    private async Task RenewAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        while (await NextTickAsync(timer, stopping))
        {
            // Many readers are often the same person (several tabs, several networks): sign each in once per round.
            var callers = new Dictionary<(string, HubRoles), Task<Caller>>();
            foreach (var (slug, readers) in _networks)
            {
                try
                {
                    await _grains.GetLiveFeed(slug).SubscribeAsync(_reference.Value);
                    var audiences = new Dictionary<(string, HubRoles), FeedAudience>();
                    foreach (var (stream, reader) in readers)
                    {
                        var who = (reader.Caller.Subject, reader.Caller.Roles);
                        if (!callers.TryGetValue(who, out var signingIn))
                        {
                            callers[who] = signingIn = _grains.SignInAsync(who.Subject, who.Roles);
                        }

                        var caller = await signingIn;
                        if (!audiences.TryGetValue(who, out var audience))
                        {
                            audiences[who] = audience = await _grains.GetNetwork(slug).GetAudienceAsync(caller);
                        }

                        readers.TryUpdate(stream, reader with { Caller = caller, Audience = audience }, reader);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LiveLog.RenewFailed(_logger, e, slug);
                }
            }
        }
    }

    /// <summary>The next tick of a renewal timer; false once the service is stopping.</summary>
    internal static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed record Reader(Caller Caller, ActivityKind[]? Kinds, FeedAudience Audience)
    {
        public bool Sees(Activity activity, bool linked)
        {
            var audience = !linked ? Audience : Audience == FeedAudience.Member ? FeedAudience.Linked : FeedAudience.Public;
            return audience.CanSee(activity) && (Kinds is null || Kinds.Contains(activity.Kind));
        }
    }
}
