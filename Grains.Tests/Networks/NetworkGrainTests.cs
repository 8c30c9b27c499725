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
        var created = await _grains.GetNetwork(slug).CreateAsync(Caller.Anonymous, new CreateNetwork(" Big Society North ", "north east", "Values", null, null));

        Assert.Equal(("Big Society North", "North East", "Values"), (created.Name, created.Region, created.Charter));
        Assert.Equal(created, await _grains.GetNetwork(slug).GetProfileAsync());
        var listed = await AllListedAsync();
        Assert.Contains(listed, n => n.Slug == slug && n.Region == "North East");
    }

    [Fact]
    public async Task Coordinators_are_kept_as_given_and_shown_only_to_coordinators()
    {
        var slug = Given.UniqueSlug();
        var creator = new Caller("auth0|Creator", null);
        await _grains.GetNetwork(slug).CreateAsync(creator, new CreateNetwork("Glue", "London", null, ["Alice@Example.org", "Alice@Example.org"], null));

        Assert.Equal(["Alice@Example.org", "auth0|Creator"], await _grains.GetNetwork(slug).GetCoordinatorsAsync(creator));
        Assert.Empty(await _grains.GetNetwork(slug).GetCoordinatorsAsync(Caller.Anonymous));
    }

    [Fact]
    public async Task Creating_a_taken_slug_fails_and_leaves_the_first_network_alone()
    {
        var first = await _given.NetworkAsync();

        var error = await Assert.ThrowsAsync<HubException>(() =>
            _grains.GetNetwork(first.Slug).CreateAsync(Caller.Anonymous, new CreateNetwork("Impostor", "London", null, null, null)));

        Assert.Equal(ErrorCodes.SlugTaken, error.Code);
        Assert.Equal("A network", (await _grains.GetNetwork(first.Slug).GetProfileAsync())!.Name);
    }

    [Fact]
    public async Task A_create_retried_with_the_same_client_request_id_returns_the_same_network()
    {
        var slug = Given.UniqueSlug();
        var command = new CreateNetwork("Retry", "Wales", null, null, "req-1");

        var first = await _grains.GetNetwork(slug).CreateAsync(Caller.Anonymous, command);
        var again = await _grains.GetNetwork(slug).CreateAsync(Caller.Anonymous, command);

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
            _grains.GetNetwork(slug).CreateAsync(Caller.Anonymous, new CreateNetwork(name, region, null, null, null)));

        Assert.Equal(code, error.Code);
        Assert.Equal([field], error.Field);
        Assert.Null(await _grains.GetNetwork(slug).GetProfileAsync());
    }

    [Fact]
    public async Task A_name_over_200_characters_is_refused()
    {
        var error = await Assert.ThrowsAsync<HubException>(() =>
            _grains.GetNetwork(Given.UniqueSlug()).CreateAsync(Caller.Anonymous, new CreateNetwork(new string('n', 201), "Wales", null, null, null)));

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
            await _grains.GetOrganisation(org.Id).JoinNetworkAsync(Caller.ForOrganisation(org.Id), network.Slug);
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
