using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Networks.Links;

namespace OurSociety.Federation.Grains.Tests.Networks;

[Collection(ClusterCollection.Name)]
public sealed class LinkTests(ClusterFixture fixture)
{
    private static readonly ActivityKind[] _offers = [ActivityKind.Offer];
    private static readonly ActivityKind[] _stories = [ActivityKind.Story];

    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly Given _given = new(fixture.Grains);

    [Fact]
    public async Task A_proposed_link_becomes_active_when_the_other_side_accepts_and_both_sides_see_the_same_link()
    {
        var (a, b) = (await _given.NetworkAsync(), await _given.NetworkAsync());

        var proposed = await Network(a).ProposeLinkAsync(await _given.CoordinatorAsync(a.Slug), b.Slug, _offers);
        Assert.Equal(LinkState.Proposed, proposed.State);
        await Eventually.EqualAsync(LinkState.Proposed, () => StateAsync(b, a));

        var accepted = await Network(b).AcceptLinkAsync(await _given.CoordinatorAsync(b.Slug), a.Slug, _stories);

        Assert.Equal((LinkState.Active, "Story", "Offer", a.Slug), (accepted.State, Kinds(accepted.Shares), Kinds(accepted.PeerShares), accepted.ProposedBy));
        var seenByA = await Eventually.EqualAsync(LinkState.Active, () => StateAsync(a, b));
        var viewA = Assert.Single(await Network(a).GetLinksAsync(await _given.CoordinatorAsync(a.Slug), null));
        Assert.Equal(("Offer", "Story"), (Kinds(viewA.Shares), Kinds(viewA.PeerShares)));
        Assert.NotNull(viewA.Since);
    }

    [Fact]
    public async Task Both_sides_agree_on_every_change_even_when_messages_between_them_are_lost_and_sent_again()
    {
        var (a, b) = (await _given.NetworkAsync(), await _given.NetworkAsync());
        var (coordA, coordB) = (await _given.CoordinatorAsync(a.Slug), await _given.CoordinatorAsync(b.Slug));

        // The proposal is lost twice on its way to B; A keeps sending until B confirms.
        LinkMessageFaults.DropNext(b.Slug, 2);
        await Network(a).ProposeLinkAsync(coordA, b.Slug, _offers);
        await EventuallyWithClockAsync(LinkState.Proposed, () => StateAsync(b, a));
        Assert.Equal(2, LinkMessageFaults.Dropped(b.Slug));

        // The acceptance is lost on its way to A: B holds the link active, A hears it on a retry.
        LinkMessageFaults.DropNext(a.Slug, 1);
        await Network(b).AcceptLinkAsync(coordB, a.Slug, _stories);
        await EventuallyWithClockAsync(LinkState.Active, () => StateAsync(a, b));

        // A suspension is lost, then an end is lost: each side ends where the other is.
        LinkMessageFaults.DropNext(b.Slug, 1);
        await Network(a).SuspendLinkAsync(coordA, b.Slug);
        await EventuallyWithClockAsync(LinkState.Suspended, () => StateAsync(b, a));
        LinkMessageFaults.DropNext(a.Slug, 1);
        await Network(b).EndLinkAsync(coordB, a.Slug);
        await EventuallyWithClockAsync(LinkState.Ended, () => StateAsync(a, b));

        var (viewA, viewB) = (await ViewAsync(a, b), await ViewAsync(b, a));
        Assert.Equal((viewA.State, Kinds(viewA.Shares), Kinds(viewA.PeerShares)), (viewB.State, Kinds(viewB.PeerShares), Kinds(viewB.Shares)));
    }

    [Fact]
    public async Task Two_networks_proposing_to_each_other_at_once_end_with_one_active_link()
    {
        var (a, b) = (await _given.NetworkAsync(), await _given.NetworkAsync());
        var (coordA, coordB) = (await _given.CoordinatorAsync(a.Slug), await _given.CoordinatorAsync(b.Slug));

        await Task.WhenAll(Network(a).ProposeLinkAsync(coordA, b.Slug, _offers), Network(b).ProposeLinkAsync(coordB, a.Slug, _stories));

        await Eventually.EqualAsync(LinkState.Active, () => StateAsync(a, b));
        await Eventually.EqualAsync(LinkState.Active, () => StateAsync(b, a));
    }

    [Fact]
    public async Task Either_side_may_suspend_and_only_the_side_that_suspended_resumes()
    {
        var (a, b) = await LinkedAsync();
        var (coordA, coordB) = (await _given.CoordinatorAsync(a.Slug), await _given.CoordinatorAsync(b.Slug));

        await Network(b).SuspendLinkAsync(coordB, a.Slug);
        await Eventually.EqualAsync(LinkState.Suspended, () => StateAsync(a, b));

        var stillSuspended = await Network(a).ResumeLinkAsync(coordA, b.Slug);
        Assert.Equal(LinkState.Suspended, stillSuspended.State);

        await Network(b).ResumeLinkAsync(coordB, a.Slug);
        await Eventually.EqualAsync(LinkState.Active, () => StateAsync(a, b));
    }

    [Fact]
    public async Task After_an_end_either_side_may_propose_a_new_link()
    {
        var (a, b) = await LinkedAsync();
        await Network(a).EndLinkAsync(await _given.CoordinatorAsync(a.Slug), b.Slug);
        await Eventually.EqualAsync(LinkState.Ended, () => StateAsync(b, a));

        await Network(b).ProposeLinkAsync(await _given.CoordinatorAsync(b.Slug), a.Slug, _stories);
        await Eventually.EqualAsync(LinkState.Proposed, () => StateAsync(a, b));
        await Network(a).AcceptLinkAsync(await _given.CoordinatorAsync(a.Slug), b.Slug, _offers);

        await Eventually.EqualAsync(LinkState.Active, () => StateAsync(b, a));
        Assert.Equal(b.Slug, (await ViewAsync(a, b)).ProposedBy);
    }

    [Fact]
    public async Task Bad_link_requests_get_coded_errors_and_change_nothing()
    {
        var (a, b) = (await _given.NetworkAsync(), await _given.NetworkAsync());
        var (coordA, coordB) = (await _given.CoordinatorAsync(a.Slug), await _given.CoordinatorAsync(b.Slug));
        var network = Network(a);

        await AssertCodeAsync(ErrorCodes.LinkSelf, () => network.ProposeLinkAsync(coordA, a.Slug, _offers));
        await AssertCodeAsync(ErrorCodes.NetworkNotFound, () => network.ProposeLinkAsync(coordA, Given.UniqueSlug("nowhere"), _offers));
        await AssertCodeAsync(ErrorCodes.SlugInvalid, () => network.ProposeLinkAsync(coordA, "Not A Slug!", _offers));
        await AssertCodeAsync(ErrorCodes.Required, () => network.ProposeLinkAsync(coordA, b.Slug, []));
        await AssertCodeAsync(ErrorCodes.LinkNotProposed, () => network.AcceptLinkAsync(coordA, b.Slug, _offers));
        await AssertCodeAsync(ErrorCodes.LinkNotFound, () => network.SuspendLinkAsync(coordA, b.Slug));
        await AssertCodeAsync(ErrorCodes.Forbidden, () => network.ProposeLinkAsync(coordB, b.Slug, _offers));
        Assert.Empty(await network.GetLinksAsync(coordA, null));

        await network.ProposeLinkAsync(coordA, b.Slug, _offers);
        await AssertCodeAsync(ErrorCodes.LinkExists, () => network.ProposeLinkAsync(coordA, b.Slug, _stories));
        await AssertCodeAsync(ErrorCodes.LinkNotProposed, () => network.AcceptLinkAsync(coordA, b.Slug, _offers));
        await AssertCodeAsync(ErrorCodes.LinkNotActive, () => network.SuspendLinkAsync(coordA, b.Slug));
        await Eventually.EqualAsync(LinkState.Proposed, () => StateAsync(b, a));
        await AssertCodeAsync(ErrorCodes.LinkExists, () => Network(b).ProposeLinkAsync(coordB, a.Slug, _offers));

        var view = Assert.Single(await network.GetLinksAsync(coordA, null));
        Assert.Equal((LinkState.Proposed, "Offer"), (view.State, Kinds(view.Shares)));
    }

    [Fact]
    public async Task A_proposal_is_seen_only_by_the_two_networks_coordinators_and_an_active_link_by_anyone()
    {
        var (a, b) = (await _given.NetworkAsync(), await _given.NetworkAsync());
        await Network(a).ProposeLinkAsync(await _given.CoordinatorAsync(a.Slug), b.Slug, _offers);

        Assert.Empty(await Network(a).GetLinksAsync(Caller.Anonymous, null));
        await Network(b).AcceptLinkAsync(await _given.CoordinatorAsync(b.Slug), a.Slug, _offers);
        Assert.Equal(LinkState.Active, Assert.Single(await Network(b).GetLinksAsync(Caller.Anonymous, null)).State);
    }

    [Fact]
    public async Task Link_decisions_are_in_the_audit_trail()
    {
        var (a, b) = await LinkedAsync();
        var coordA = await _given.CoordinatorAsync(a.Slug);
        await Network(a).SuspendLinkAsync(coordA, b.Slug);

        var trail = await Network(a).GetAuditTrailAsync(coordA, null, 10);

        Assert.Equal([AuditAction.LinkSuspended, AuditAction.LinkProposed], trail!.Items.Take(2).Select(e => e.Action));
    }

    private async Task<(NetworkProfile A, NetworkProfile B)> LinkedAsync()
    {
        var (a, b) = (await _given.NetworkAsync(), await _given.NetworkAsync());
        await Network(a).ProposeLinkAsync(await _given.CoordinatorAsync(a.Slug), b.Slug, _offers);
        await Eventually.EqualAsync(LinkState.Proposed, () => StateAsync(b, a));
        await Network(b).AcceptLinkAsync(await _given.CoordinatorAsync(b.Slug), a.Slug, _offers);
        await Eventually.EqualAsync(LinkState.Active, () => StateAsync(a, b));
        return (a, b);
    }

    private INetworkGrain Network(NetworkProfile network) => _grains.GetNetwork(network.Slug);

    private async Task<LinkView> ViewAsync(NetworkProfile network, NetworkProfile peer) =>
        (await Network(network).GetLinksAsync(await _given.CoordinatorAsync(network.Slug), null)).Single(l => l.Peer == peer.Slug);

    private async Task<LinkState?> StateAsync(NetworkProfile network, NetworkProfile peer) =>
        (await Network(network).GetLinksAsync(await _given.CoordinatorAsync(network.Slug), null)).SingleOrDefault(l => l.Peer == peer.Slug)?.State;

    /// <summary>Waits for a retried message, moving the hub's clock along too in case the retry timer follows it.</summary>
    private Task<LinkState?> EventuallyWithClockAsync(LinkState expected, Func<Task<LinkState?>> observe) =>
        Eventually.EqualAsync<LinkState?>(expected, async () =>
        {
            fixture.Time.Advance(TimeSpan.FromMilliseconds(100));
            return await observe();
        });

    private static string Kinds(IEnumerable<ActivityKind> kinds) => string.Join(",", kinds);

    private static async Task AssertCodeAsync(string code, Func<Task> act) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<HubException>(act)).Code);
}
