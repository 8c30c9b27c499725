using OurSociety.Federation.Common;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Feeds;

/// <inheritdoc cref="IFeedSegmentGrain"/>
public sealed class FeedSegmentGrain(
    [PersistentState("feedsegment", HubStorage.Name)] IPersistentState<FeedSegmentState> state) : Grain, IFeedSegmentGrain
{
    public async Task SealAsync(IReadOnlyList<Activity> items)
    {
        if (state.State.Items.Count > 0)
        {
            // A seal retried after a failure between this write and the feed's own: same items, nothing to do.
            if (state.State.Items[0].Id == items[0].Id)
            {
                return;
            }

            throw new HubException(ErrorCodes.InvalidValue, $"Segment {this.GetPrimaryKeyString()} is already sealed with other items.");
        }

        state.State.Items = [.. items];
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
}
