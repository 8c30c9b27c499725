using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Grains.Tests.Networks;

[Collection(ClusterCollection.Name)]
public sealed class NetworkGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly Given _given = new(fixture.Grains);

    [Fact]
    public async Task A_created_network_has_its_profile_and_is_listed_in_the_directory()
    {
        var slug = Given.UniqueSlug("north");
        var created = await _grains.GetNetwork(slug).CreateAsync(Given.Admin, new CreateNetwork(" Big Society North ", "north east", "Values", ["amara"], null));

        Assert.Equal(("Big Society North", "North East", "Values", JoinPolicy.Approval), (created.Name, created.Region, created.Charter, created.JoinPolicy));
        Assert.Equal(created, await _grains.GetNetwork(slug).GetProfileAsync());
        var listed = await AllListedAsync();
        Assert.Contains(listed, n => n.Slug == slug && n.Region == "North East");
    }

    [Fact]
    public async Task Only_a_hub_admin_creates_a_network_and_a_refusal_creates_nothing()
    {
        var slug = Given.UniqueSlug();
        var command = new CreateNetwork("Glue", "London", null, ["amara"], null);

        var anonymous = await Assert.ThrowsAsync<HubException>(() => _grains.GetNetwork(slug).CreateAsync(Caller.Anonymous, command));
        var person = await Assert.ThrowsAsync<HubException>(() => _grains.GetNetwork(slug).CreateAsync(new Caller("amara", HubRoles.NationalViewer, []), command));

        Assert.Equal(ErrorCodes.Unauthenticated, anonymous.Code);
        Assert.Equal(ErrorCodes.Forbidden, person.Code);
        Assert.Null(await _grains.GetNetwork(slug).GetProfileAsync());
        Assert.DoesNotContain(await AllListedAsync(), n => n.Slug == slug);
    }

    [Fact]
    public async Task A_network_is_created_with_at_least_one_coordinator()
    {
        var slug = Given.UniqueSlug();

        var error = await Assert.ThrowsAsync<HubException>(() => _grains.GetNetwork(slug).CreateAsync(Given.Admin, new CreateNetwork("Glue", "London", null, [], null)));

        Assert.Equal((ErrorCodes.Required, "coordinators"), (error.Code, error.Field.Single()));
        Assert.Null(await _grains.GetNetwork(slug).GetProfileAsync());
    }

    [Fact]
    public async Task Coordinators_are_kept_as_given_and_shown_to_coordinators_and_members_only()
    {
        var (network, member) = await _given.MemberAsync();
        var outsider = await _given.OrganisationAsync("Outsider");
        var grain = _grains.GetNetwork(network.Slug);
        await grain.AddCoordinatorAsync(await _given.CoordinatorAsync(network.Slug), "auth0|Amara");

        Assert.Equal([Given.CoordinatorOf(network.Slug), "auth0|Amara"], await grain.GetCoordinatorsAsync(await _given.CoordinatorAsync(network.Slug)));
        Assert.Equal(2, (await grain.GetCoordinatorsAsync(await _given.PersonAsync(member.Id)))!.Count);
        Assert.Null(await grain.GetCoordinatorsAsync(await _given.PersonAsync(outsider.Id)));
        Assert.Null(await grain.GetCoordinatorsAsync(Caller.Anonymous));
        Assert.Equal([network.Slug], (await _grains.GetSubject("auth0|Amara").GetScopesAsync()).Networks);
    }

    [Fact]
    public async Task A_coordinator_steps_down_only_while_another_remains()
    {
        var network = await _given.NetworkAsync();
        var grain = _grains.GetNetwork(network.Slug);
        var coordinator = await _given.CoordinatorAsync(network.Slug);

        var last = await Assert.ThrowsAsync<HubException>(() => grain.RemoveCoordinatorAsync(coordinator, coordinator.Subject));
        await grain.AddCoordinatorAsync(coordinator, "second");
        await grain.RemoveCoordinatorAsync(coordinator, coordinator.Subject);

        Assert.Equal(ErrorCodes.LastCoordinator, last.Code);
        Assert.Equal(["second"], await grain.GetCoordinatorsAsync(await _grains.SignInAsync("second")));
        Assert.Empty((await _grains.GetSubject(coordinator.Subject).GetScopesAsync()).Networks);
        var gone = await Assert.ThrowsAsync<HubException>(() => grain.UpdateAsync(coordinator, new UpdateNetwork("New name", null, null)));
        Assert.Equal(ErrorCodes.Forbidden, gone.Code);
    }

    [Fact]
    public async Task A_coordinator_changes_the_charter_and_join_policy_and_nobody_else_can()
    {
        var (network, member) = await _given.MemberAsync();
        var grain = _grains.GetNetwork(network.Slug);

        var person = await _given.PersonAsync(member.Id);
        var refused = await Assert.ThrowsAsync<HubException>(() => grain.UpdateAsync(person, new UpdateNetwork(null, "Ours now", null)));
        var updated = await grain.UpdateAsync(await _given.CoordinatorAsync(network.Slug), new UpdateNetwork(null, "Open to all.", JoinPolicy.Automatic));

        Assert.Equal(ErrorCodes.Forbidden, refused.Code);
        Assert.Equal(("A network", "Open to all.", JoinPolicy.Automatic, 1), (updated.Name, updated.Charter, updated.JoinPolicy, updated.MemberCount));
    }

    [Fact]
    public async Task Creating_a_taken_slug_fails_and_leaves_the_first_network_alone()
    {
        var first = await _given.NetworkAsync();

        var error = await Assert.ThrowsAsync<HubException>(() =>
            _grains.GetNetwork(first.Slug).CreateAsync(Given.Admin, new CreateNetwork("Impostor", "London", null, ["x"], null)));

        Assert.Equal(ErrorCodes.SlugTaken, error.Code);
        Assert.Equal("A network", (await _grains.GetNetwork(first.Slug).GetProfileAsync())!.Name);
    }

    [Fact]
    public async Task A_create_retried_with_the_same_client_request_id_returns_the_same_network()
    {
        var slug = Given.UniqueSlug();
        var command = new CreateNetwork("Retry", "Wales", null, ["x"], "req-1");

        var first = await _grains.GetNetwork(slug).CreateAsync(Given.Admin, command);
        var again = await _grains.GetNetwork(slug).CreateAsync(Given.Admin, command);

        Assert.Equal(first, again);
        Assert.Single(await AllListedAsync(), n => n.Slug == slug);
    }

    [Theory]
    [InlineData("", "Wales", ErrorCodes.Required, "name")]
    [InlineData("Name", "Atlantis", ErrorCodes.RegionInvalid, "region")]
    [InlineData("Name", null, ErrorCodes.Required, "region")]
    public async Task Bad_input_gets_a_coded_error_and_creates_nothing(string? name, string? region, string code, string field)
    {
        var slug = Given.UniqueSlug();

        var error = await Assert.ThrowsAsync<HubException>(() =>
            _grains.GetNetwork(slug).CreateAsync(Given.Admin, new CreateNetwork(name, region, null, ["x"], null)));

        Assert.Equal(code, error.Code);
        Assert.Equal([field], error.Field);
        Assert.Null(await _grains.GetNetwork(slug).GetProfileAsync());
    }

    [Fact]
    public async Task A_name_over_200_characters_is_refused()
    {
        var error = await Assert.ThrowsAsync<HubException>(() =>
            _grains.GetNetwork(Given.UniqueSlug()).CreateAsync(Given.Admin, new CreateNetwork(new string('n', 201), "Wales", null, ["x"], null)));

        Assert.Equal(ErrorCodes.TooLong, error.Code);
    }

    [Fact]
    public async Task Members_page_in_joining_order_and_pages_continue_after_the_cursor()
    {
        var network = await _given.NetworkAsync();
        var joined = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var org = await _given.OrganisationAsync($"Org {i}");
            await _given.JoinAsync(org.Id, network.Slug);
            joined.Add(org.Id);
        }

        var first = await _grains.GetNetwork(network.Slug).GetMembersAsync(null, 2);
        var second = await _grains.GetNetwork(network.Slug).GetMembersAsync(first.Items[^1].Seq, 2);
        var last = await _grains.GetNetwork(network.Slug).GetMembersAsync(second.Items[^1].Seq, 2);

        Assert.Equal(joined, first.Items.Concat(second.Items).Concat(last.Items).Select(m => m.OrganisationId));
        Assert.True(first.HasMore);
        Assert.False(last.HasMore);
        Assert.Equal(5, last.TotalCount);
    }

    [Fact]
    public async Task Unknown_network_gets_network_not_found()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => _grains.GetNetwork(Given.UniqueSlug()).GetMembersAsync(null, 10));

        Assert.Equal(ErrorCodes.NetworkNotFound, error.Code);
    }

    private async Task<List<NetworkListing>> AllListedAsync()
    {
        var all = new List<NetworkListing>();
        int? after = null;
        while (true)
        {
            var page = await _grains.GetNetworkDirectory().GetPageAsync(after, 100, null);
            all.AddRange(page.Items);
            if (!page.HasMore)
            {
                return all;
            }

            after = page.Items[^1].Position;
        }
    }
}
