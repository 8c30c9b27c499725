using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Feeds.Live;

/// <inheritdoc cref="ILiveFeedGrain"/>
[Reentrant]
public sealed class LiveFeedGrain(ILogger<LiveFeedGrain> logger) : Grain, ILiveFeedGrain
{
    /// <summary>How long an observer lives without renewal; API processes renew at a third of it.</summary>
    public static readonly TimeSpan ObserverLifetime = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<IFeedObserver> _observers = new(ObserverLifetime, logger);

    private string Slug => GrainKeys.SlugOf(this.GetPrimaryKeyString());

    public Task SubscribeAsync(IFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(Activity activity, bool linked)
    {
        var slug = Slug;
        _observers.Notify(o => o.OnActivity(slug, activity, linked));
        return Task.CompletedTask;
    }
}
