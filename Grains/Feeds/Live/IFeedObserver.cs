namespace OurSociety.Federation.Feeds.Live;

/// <summary>Hears every activity arriving in a network's federated feed, for live updates.</summary>
[Alias("IFeedObserver")]
public interface IFeedObserver : IGrainObserver
{
    /// <summary>
    /// <paramref name="activity"/> has arrived in <paramref name="network"/>'s federated feed: posted there, or, when
    /// <paramref name="linked"/>, shared with it by a linked network. The observer decides which of its readers may see it.
    /// </summary>
    [OneWay]
    [Alias("OnActivity")]
    Task OnActivity(string network, Activity activity, bool linked);
}
