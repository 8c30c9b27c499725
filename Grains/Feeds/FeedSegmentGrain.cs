using Microsoft.Extensions.Logging;
using OurSociety.Federation.Common;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Feeds;

/// <inheritdoc cref="IFeedSegmentGrain"/>
public sealed class FeedSegmentGrain(
    [PersistentState("feedsegment", HubStorage.Name)] IPersistentState<FeedSegmentState> state,
    ILogger<FeedSegmentGrain> logger) : Grain, IFeedSegmentGrain
{
    public async Task SealAsync(IReadOnlyList<Activity> items, long feedVersion)
    {
        var current = state.State;
        if (current.Items.Count > 0)
        {
            if (feedVersion < current.FeedVersion || Same(current.Items, items))
            {
                // A seal retried after a failure between this write and the feed's own, or a late one from an older
                // write of the feed: the segment already holds these items (or newer labels of them).
                return;
            }

            if (!current.Items.Select(a => a.Id).SequenceEqual(items.Select(a => a.Id), StringComparer.Ordinal))
            {
                HubLog.SegmentReplaced(logger, this.GetPrimaryKeyString(), current.FeedVersion, feedVersion);
            }
        }

        state.State.Items = [.. items];
        state.State.FeedVersion = feedVersion;
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);

        // The feed keeps the newest segments in its own memory; this activation need not hold a second copy.
        DeactivateOnIdle();
    }

    public async Task<IReadOnlyList<Activity>> RelabelAsync(int offset, IReadOnlyList<string> labels)
    {
        var items = state.State.Items;
        if (offset < 0 || offset >= items.Count)
        {
            throw new HubException(ErrorCodes.ActivityNotFound, "There is no such activity.", "activityId");
        }

        if (!items[offset].Labels.SequenceEqual(labels, StringComparer.Ordinal))
        {
            items[offset] = items[offset] with { Labels = labels };
            await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        }

        return [.. items];
    }

    [ReadOnly]
    public Task<IReadOnlyList<Activity>> GetItemsAsync() => Task.FromResult<IReadOnlyList<Activity>>(state.State.Items);

    private static bool Same(List<Activity> stored, IReadOnlyList<Activity> items) =>
        stored.Count == items.Count
        && stored.Zip(items).All(p => p.First.Id == p.Second.Id && p.First.Labels.SequenceEqual(p.Second.Labels, StringComparer.Ordinal));
}
