using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Grains.Tests.Common;

namespace OurSociety.Federation.Grains.Tests.Feeds;

[Collection(ClusterCollection.Name)]
public sealed class LabelTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly Given _given = new(fixture.Grains);

    [Fact]
    public async Task The_owner_labels_its_items_both_new_ones_and_those_already_sealed_into_segments_and_the_labels_last()
    {
        var (network, member) = await _given.MemberAsync();
        var posted = new List<Activity>();
        for (var i = 0; i < FeedGrain.SegmentSize + 3; i++)
        {
            posted.Add(await _given.PostAsync(network.Slug, member.Id, Given.Post($"Item {i}")));
        }

        var owner = await _given.PersonAsync(member.Id);
        var sealedItem = await _grains.GetNetwork(network.Slug).LabelAsync(owner, posted[0].Seq, ["Winter-Appeal", "winter-appeal"]);
        var tailItem = await _grains.GetNetwork(network.Slug).LabelAsync(owner, posted[^1].Seq, ["winter-appeal"]);

        Assert.Equal(["winter-appeal"], sealedItem.Labels);
        Assert.Equal(["winter-appeal"], tailItem.Labels);
        Assert.Equal(["winter-appeal"], (await _grains.GetFeedSegment(network.Slug, 0).GetItemsAsync())[0].Labels);
        var page = await _grains.GetNetwork(network.Slug).GetFeedAsync(owner, new FeedQuery(null, 100, null, FeedAudience.Public) { Labels = ["winter-appeal"] });
        Assert.Equal([posted[^1].Id, posted[0].Id], page.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task Nobody_but_the_owner_labels_an_item_and_a_refused_label_changes_nothing()
    {
        var (network, member) = await _given.MemberAsync();
        var other = await _given.OrganisationAsync("Another charity");
        await _given.JoinAsync(other.Id, network.Slug);
        var item = await _given.PostAsync(network.Slug, member.Id, Given.Post("Mine", Visibility.Network));
        var grain = _grains.GetNetwork(network.Slug);

        Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<HubException>(async () => await grain.LabelAsync(await _given.PersonAsync(other.Id), item.Seq, ["co-opted"]))).Code);
        Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<HubException>(async () => await grain.LabelAsync(await _given.CoordinatorAsync(network.Slug), item.Seq, ["co-opted"]))).Code);
        Assert.Equal(ErrorCodes.Unauthenticated, (await Assert.ThrowsAsync<HubException>(() => grain.LabelAsync(Access.Caller.Anonymous, item.Seq, ["co-opted"]))).Code);
        Assert.Equal(ErrorCodes.ActivityNotFound, (await Assert.ThrowsAsync<HubException>(async () => await grain.LabelAsync(await _given.PersonAsync(member.Id), 99, ["x"]))).Code);
        Assert.Empty((await grain.GetActivityAsync(await _given.PersonAsync(member.Id), item.Seq))!.Labels);
    }
}
