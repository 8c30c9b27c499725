namespace OurSociety.Federation.Feeds.Live;

/// <summary>
/// The live side of a network's federated feed (key: <c>net:{slug}</c>): holds the observers of API processes with
/// readers watching the network and passes each arriving activity on. Holds no durable state: a reader that
/// reconnects reads the feed with its cursor.
/// </summary>
[Alias("ILiveFeedGrain")]
public interface ILiveFeedGrain : IGrainWithStringKey
{
    /// <summary>Adds or renews an observer; an observer not renewed within <see cref="LiveFeedGrain.ObserverLifetime"/> is dropped.</summary>
    [Alias("SubscribeAsync")]
    Task SubscribeAsync(IFeedObserver observer);

    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IFeedObserver observer);

    /// <summary>Passes a durable activity to every observer. Only network grains publish, after their checks.</summary>
    [OneWay]
    [Alias("PublishAsync")]
    Task PublishAsync(Activity activity, bool linked);
}
