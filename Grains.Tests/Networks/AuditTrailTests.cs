using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Grains.Tests.Networks;

[Collection(ClusterCollection.Name)]
public sealed class AuditTrailTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly Given _given = new(fixture.Grains);

    [Fact]
    public async Task Every_coordinator_action_is_in_the_trail_newest_first_with_who_did_it()
    {
        var network = await _given.NetworkAsync();
        var grain = _grains.GetNetwork(network.Slug);
        var coordinator = await _given.CoordinatorAsync(network.Slug);
        var welcome = await _given.OrganisationAsync("Welcome");
        var declined = await _given.OrganisationAsync("Declined");
        await _grains.GetOrganisation(welcome.Id).JoinNetworkAsync(await _given.PersonAsync(welcome.Id), network.Slug, null);
        await _grains.GetOrganisation(declined.Id).JoinNetworkAsync(await _given.PersonAsync(declined.Id), network.Slug, null);

        await grain.UpdateAsync(coordinator, new UpdateNetwork(null, "New charter.", null));
        await grain.AddCoordinatorAsync(coordinator, "second");
        await grain.ApproveJoinAsync(coordinator, welcome.Id);
        await grain.DeclineJoinAsync(coordinator, declined.Id, "Outside our area.");
        await grain.RemoveMemberAsync(coordinator, welcome.Id, "Asked to be removed.");

        var trail = await grain.GetAuditTrailAsync(coordinator, null, 100);
        Assert.Equal(
            [
                (AuditAction.MemberRemoved, coordinator.Subject, welcome.Id, "Asked to be removed."),
                (AuditAction.JoinDeclined, coordinator.Subject, declined.Id, "Outside our area."),
                (AuditAction.JoinApproved, coordinator.Subject, welcome.Id, null),
                (AuditAction.CoordinatorAdded, coordinator.Subject, null, null),
                (AuditAction.ProfileChanged, coordinator.Subject, null, "charter"),
            ],
            trail!.Items.Take(5).Select(e => (e.Action, e.Actor, e.OrganisationId, e.Detail)));
        Assert.Equal(AuditAction.NetworkCreated, trail.Items[^1].Action);
        Assert.Equal(Given.Admin.Subject, trail.Items[^1].Actor);
        Assert.Equal(8, trail.TotalCount);
    }

    [Fact]
    public async Task Members_and_coordinators_read_the_trail_and_nobody_else_does()
    {
        var (network, member) = await _given.MemberAsync();
        var outsider = await _given.OrganisationAsync("Outsider");
        var grain = _grains.GetNetwork(network.Slug);

        Assert.NotNull(await grain.GetAuditTrailAsync(await _given.PersonAsync(member.Id), null, 10));
        Assert.NotNull(await grain.GetAuditTrailAsync(await _given.CoordinatorAsync(network.Slug), null, 10));
        Assert.Null(await grain.GetAuditTrailAsync(await _given.PersonAsync(outsider.Id), null, 10));
        Assert.Null(await grain.GetAuditTrailAsync(Caller.Anonymous, null, 10));
        Assert.Null(await grain.GetAuditTrailAsync(new Caller("national@example.org", HubRoles.NationalViewer, []), null, 10));
    }

    [Fact]
    public async Task The_trail_pages_backwards_from_a_cursor_without_gaps()
    {
        var network = await _given.NetworkAsync();
        var grain = _grains.GetNetwork(network.Slug);
        var coordinator = await _given.CoordinatorAsync(network.Slug);
        for (var i = 0; i < 6; i++)
        {
            await grain.UpdateAsync(coordinator, new UpdateNetwork($"Name {i}", null, null));
        }

        var first = await grain.GetAuditTrailAsync(coordinator, null, 4);
        var rest = await grain.GetAuditTrailAsync(coordinator, first!.Items[^1].Seq, 4);

        Assert.Equal([6L, 5, 4, 3, 2, 1, 0], first.Items.Concat(rest!.Items).Select(e => e.Seq));
        Assert.True(first.HasMore);
        Assert.False(rest.HasMore);
    }
}
