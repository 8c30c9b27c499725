using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Grains.Tests.Networks;

[Collection(ClusterCollection.Name)]
public sealed class JoinRequestTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly Given _given = new(fixture.Grains);

    [Fact]
    public async Task Asking_to_join_waits_for_a_coordinator_who_sees_requests_newest_first_with_newcomers_marked()
    {
        var network = await _given.NetworkAsync();
        var established = await _given.OrganisationAsync("Established Trust");
        fixture.Time.Advance(TimeSpan.FromDays(91));
        var newcomer = await _given.OrganisationAsync("New Group");

        var first = await _grains.GetOrganisation(established.Id).JoinNetworkAsync(await _given.PersonAsync(established.Id), network.Slug, "We run the food bank.");
        await _grains.GetOrganisation(newcomer.Id).JoinNetworkAsync(await _given.PersonAsync(newcomer.Id), network.Slug, null);

        var page = await _grains.GetNetwork(network.Slug).GetJoinRequestsAsync(await _given.CoordinatorAsync(network.Slug), null, 10);
        Assert.Equal(MembershipStatus.Pending, first.Status);
        Assert.Equal([(newcomer.Id, true, null), (established.Id, false, "We run the food bank.")],
            page!.Items.Select(r => (r.Request.OrganisationId, r.Newcomer, r.Request.Message)));
        Assert.Equal(0, (await _grains.GetNetwork(network.Slug).GetProfileAsync())!.MemberCount);
        Assert.Equal([network.Slug], (await _grains.GetOrganisation(established.Id).GetPrivateAsync(await _given.PersonAsync(established.Id)))!.PendingNetworks);
    }

    [Fact]
    public async Task An_approved_organisation_becomes_a_member_and_both_sides_agree()
    {
        var network = await _given.NetworkAsync();
        var org = await _given.OrganisationAsync();
        await _grains.GetOrganisation(org.Id).JoinNetworkAsync(await _given.PersonAsync(org.Id), network.Slug, null);

        var status = await _grains.GetNetwork(network.Slug).ApproveJoinAsync(await _given.CoordinatorAsync(network.Slug), org.Id);

        Assert.Equal(MembershipStatus.Member, status);
        Assert.Equal(MembershipStatus.Member, await _grains.GetNetwork(network.Slug).GetMembershipAsync(org.Id));
        Assert.Empty((await _grains.GetNetwork(network.Slug).GetJoinRequestsAsync(await _given.CoordinatorAsync(network.Slug), null, 10))!.Items);
        await Eventually.EqualAsync([network.Slug], async () => (await _grains.GetOrganisation(org.Id).GetProfileAsync())!.Networks, ListComparer.Instance);
    }

    [Fact]
    public async Task A_declined_organisation_is_not_a_member_and_may_ask_again()
    {
        var network = await _given.NetworkAsync();
        var org = await _given.OrganisationAsync();
        var person = await _given.PersonAsync(org.Id);
        await _grains.GetOrganisation(org.Id).JoinNetworkAsync(person, network.Slug, null);

        await _grains.GetNetwork(network.Slug).DeclineJoinAsync(await _given.CoordinatorAsync(network.Slug), org.Id, "We cover Tyneside only.");

        Assert.Equal(MembershipStatus.None, await _grains.GetNetwork(network.Slug).GetMembershipAsync(org.Id));
        await Eventually.EqualAsync(0, async () => (await _grains.GetOrganisation(org.Id).GetPrivateAsync(person))!.PendingNetworks.Count);
        var again = await _grains.GetOrganisation(org.Id).JoinNetworkAsync(person, network.Slug, "We moved.");
        Assert.Equal(MembershipStatus.Pending, again.Status);
    }

    [Fact]
    public async Task With_automatic_approval_the_organisation_is_a_member_at_once()
    {
        var network = await _given.NetworkAsync(policy: JoinPolicy.Automatic);
        var org = await _given.OrganisationAsync();

        var result = await _grains.GetOrganisation(org.Id).JoinNetworkAsync(await _given.PersonAsync(org.Id), network.Slug, null);

        Assert.Equal(MembershipStatus.Member, result.Status);
        Assert.Equal([network.Slug], result.Organisation.Networks);
        Assert.Equal(1, (await _grains.GetNetwork(network.Slug).GetProfileAsync())!.MemberCount);
    }

    [Fact]
    public async Task Only_the_networks_coordinators_see_and_answer_requests_and_a_refusal_changes_nothing()
    {
        var (network, member) = await _given.MemberAsync();
        var other = await _given.NetworkAsync();
        var applicant = await _given.OrganisationAsync("Applicant");
        await _grains.GetOrganisation(applicant.Id).JoinNetworkAsync(await _given.PersonAsync(applicant.Id), network.Slug, null);
        var grain = _grains.GetNetwork(network.Slug);
        Caller[] strangers = [Caller.Anonymous, await _given.PersonAsync(member.Id), await _given.PersonAsync(applicant.Id), await _given.CoordinatorAsync(other.Slug), Given.Admin];

        foreach (var stranger in strangers)
        {
            Assert.Null(await grain.GetJoinRequestsAsync(stranger, null, 10));
            var approve = await Assert.ThrowsAsync<HubException>(() => grain.ApproveJoinAsync(stranger, applicant.Id));
            var decline = await Assert.ThrowsAsync<HubException>(() => grain.DeclineJoinAsync(stranger, applicant.Id, null));
            var remove = await Assert.ThrowsAsync<HubException>(() => grain.RemoveMemberAsync(stranger, member.Id, null));
            var expected = stranger.IsAnonymous ? ErrorCodes.Unauthenticated : ErrorCodes.Forbidden;
            Assert.Equal([expected, expected, expected], new[] { approve.Code, decline.Code, remove.Code });
        }

        Assert.Equal(MembershipStatus.Pending, await grain.GetMembershipAsync(applicant.Id));
        Assert.Equal(MembershipStatus.Member, await grain.GetMembershipAsync(member.Id));
    }

    [Fact]
    public async Task Leaving_withdraws_a_waiting_request_and_a_removed_member_can_no_longer_post()
    {
        var (network, member) = await _given.MemberAsync();
        var applicant = await _given.OrganisationAsync("Applicant");
        var applicantPerson = await _given.PersonAsync(applicant.Id);
        await _grains.GetOrganisation(applicant.Id).JoinNetworkAsync(applicantPerson, network.Slug, null);

        await _grains.GetOrganisation(applicant.Id).LeaveNetworkAsync(applicantPerson, network.Slug);
        await _grains.GetNetwork(network.Slug).RemoveMemberAsync(await _given.CoordinatorAsync(network.Slug), member.Id, "Inactive for a year.");

        Assert.Equal(MembershipStatus.None, await _grains.GetNetwork(network.Slug).GetMembershipAsync(applicant.Id));
        var post = await Assert.ThrowsAsync<HubException>(() => _given.PostAsync(network.Slug, member.Id, Given.Post()));
        Assert.Equal(ErrorCodes.NotAMember, post.Code);
        await Eventually.EqualAsync(0, async () => (await _grains.GetOrganisation(member.Id).GetProfileAsync())!.Networks.Count);
    }

    [Fact]
    public async Task Approving_an_organisation_that_never_asked_is_refused()
    {
        var network = await _given.NetworkAsync();
        var org = await _given.OrganisationAsync();

        var error = await Assert.ThrowsAsync<HubException>(async () =>
            await _grains.GetNetwork(network.Slug).ApproveJoinAsync(await _given.CoordinatorAsync(network.Slug), org.Id));

        Assert.Equal(ErrorCodes.JoinRequestNotFound, error.Code);
        Assert.Equal(MembershipStatus.None, await _grains.GetNetwork(network.Slug).GetMembershipAsync(org.Id));
    }
}
