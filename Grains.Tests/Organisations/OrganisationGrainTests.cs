using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Grains.Tests.Organisations;

[Collection(ClusterCollection.Name)]
public sealed class OrganisationGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly Given _given = new(fixture.Grains);

    [Fact]
    public async Task A_registered_organisation_keeps_its_details_with_register_id_normalised()
    {
        var id = NewId();
        var profile = await _grains.GetOrganisation(id).RegisterAsync(Someone, new RegisterOrganisation(
            "Tyneside Tenants", "housing association", "gb-coh-01234567", new Place("Newcastle", 54.97, -1.61, "ne1"),
            [new Place("Gateshead", null, null, null)], ["Housing", "housing", " Energy "], new Contact("hello@tenants.org.uk", null, "Sam"), null));

        Assert.Equal("HOUSING_ASSOCIATION", profile.Kind);
        Assert.Equal("GB-COH-01234567", profile.OrgId);
        Assert.Equal(["housing", "energy"], profile.Themes);
        Assert.Equal("NE1", profile.RegisteredAt!.PostcodeDistrict);
        var read = await _grains.GetOrganisation(id).GetProfileAsync();
        Assert.Equal((profile.Id, profile.Name, profile.OrgId, "Gateshead"), (read!.Id, read.Name, read.OrgId, read.ActiveIn.Single().Name));
    }

    [Theory]
    [InlineData("GB-CHC", ErrorCodes.OrgIdInvalid)]
    [InlineData("1234567", ErrorCodes.OrgIdInvalid)]
    [InlineData("GB CHC 1234567", ErrorCodes.OrgIdInvalid)]
    public async Task A_malformed_org_id_is_refused_and_nothing_is_registered(string orgId, string code)
    {
        var id = NewId();

        var error = await Assert.ThrowsAsync<HubException>(() => _grains.GetOrganisation(id).RegisterAsync(
            Someone, new RegisterOrganisation("Org", "CHARITY", orgId, null, null, null, null, null)));

        Assert.Equal(code, error.Code);
        Assert.Equal(["orgId"], error.Field);
        Assert.Null(await _grains.GetOrganisation(id).GetProfileAsync());
    }

    [Fact]
    public async Task Unknown_kind_and_out_of_range_places_are_refused()
    {
        var kind = await Assert.ThrowsAsync<HubException>(() => _grains.GetOrganisation(NewId()).RegisterAsync(
            Someone, new RegisterOrganisation("Org", "club", null, null, null, null, null, null)));
        var place = await Assert.ThrowsAsync<HubException>(() => _grains.GetOrganisation(NewId()).RegisterAsync(
            Someone, new RegisterOrganisation("Org", "CHARITY", null, new Place(null, 91, 0, null), null, null, null, null)));

        Assert.Equal(ErrorCodes.OrganisationKindInvalid, kind.Code);
        Assert.Equal(ErrorCodes.PlaceInvalid, place.Code);
    }

    [Fact]
    public async Task More_than_20_themes_are_refused()
    {
        var themes = Enumerable.Range(0, 21).Select(i => $"theme-{i}").ToArray();

        var error = await Assert.ThrowsAsync<HubException>(() => _grains.GetOrganisation(NewId()).RegisterAsync(
            Someone, new RegisterOrganisation("Org", "CHARITY", null, null, null, themes, null, null)));

        Assert.Equal(ErrorCodes.TooMany, error.Code);
    }

    [Fact]
    public async Task Registering_needs_a_signed_in_caller_who_becomes_its_first_person()
    {
        var id = NewId();
        var founder = Someone;
        var command = new RegisterOrganisation("Org", "CHARITY", null, null, null, null, new Contact("a@example.org", null, null), null);

        var anonymous = await Assert.ThrowsAsync<HubException>(() => _grains.GetOrganisation(id).RegisterAsync(Caller.Anonymous, command));
        Assert.Equal(ErrorCodes.Unauthenticated, anonymous.Code);
        Assert.Null(await _grains.GetOrganisation(id).GetProfileAsync());

        await _grains.GetOrganisation(id).RegisterAsync(founder, command);
        var self = await _grains.SignInAsync(founder.Subject);

        Assert.Equal([id], self.Organisations);
        Assert.Equal([founder.Subject], (await _grains.GetOrganisation(id).GetPrivateAsync(self))!.People);
    }

    [Fact]
    public async Task An_organisation_belongs_to_several_networks_and_both_sides_agree()
    {
        var north = await _given.NetworkAsync(policy: JoinPolicy.Automatic);
        var wales = await _given.NetworkAsync(region: "Wales", policy: JoinPolicy.Automatic);
        var org = await _given.OrganisationAsync();
        var self = await _given.PersonAsync(org.Id);

        await _grains.GetOrganisation(org.Id).JoinNetworkAsync(self, north.Slug, null);
        await _grains.GetOrganisation(org.Id).JoinNetworkAsync(self, wales.Slug, null);
        var again = await _grains.GetOrganisation(org.Id).JoinNetworkAsync(self, wales.Slug, null);

        Assert.Equal(MembershipStatus.Member, again.Status);
        Assert.Equal([north.Slug, wales.Slug], again.Organisation.Networks);
        Assert.Equal(1, (await _grains.GetNetwork(wales.Slug).GetProfileAsync())!.MemberCount);

        var left = await _grains.GetOrganisation(org.Id).LeaveNetworkAsync(self, north.Slug);

        Assert.Equal([wales.Slug], left.Networks);
        Assert.Empty((await _grains.GetNetwork(north.Slug).GetMembersAsync(null, 10)).Items);
    }

    [Fact]
    public async Task Joining_an_unknown_network_fails_and_records_no_membership()
    {
        var org = await _given.OrganisationAsync();

        var error = await Assert.ThrowsAsync<HubException>(async () =>
            await _grains.GetOrganisation(org.Id).JoinNetworkAsync(await _given.PersonAsync(org.Id), Given.UniqueSlug(), null));

        Assert.Equal(ErrorCodes.NetworkNotFound, error.Code);
        Assert.Empty((await _grains.GetOrganisation(org.Id).GetProfileAsync())!.Networks);
    }

    [Fact]
    public async Task Contact_details_reach_the_organisations_own_people_and_nobody_else()
    {
        var org = await _given.OrganisationAsync(contact: new Contact("team@example.org", "0191 000 0000", "Alex"));
        var other = await _given.OrganisationAsync("Someone else");

        Assert.Equal("team@example.org", (await _grains.GetOrganisation(org.Id).GetContactAsync(await _given.PersonAsync(org.Id)))!.Email);
        Assert.Null(await _grains.GetOrganisation(org.Id).GetContactAsync(Caller.Anonymous));
        Assert.Null(await _grains.GetOrganisation(org.Id).GetContactAsync(await _given.PersonAsync(other.Id)));
        Assert.Null(await _grains.GetOrganisation(org.Id).GetPrivateAsync(await _given.PersonAsync(other.Id)));
    }

    [Fact]
    public async Task Another_organisations_person_cannot_act_for_it()
    {
        var network = await _given.NetworkAsync(policy: JoinPolicy.Automatic);
        var org = await _given.OrganisationAsync();
        var other = await _given.OrganisationAsync("Other");
        var intruder = await _given.PersonAsync(other.Id);

        var join = await Assert.ThrowsAsync<HubException>(() => _grains.GetOrganisation(org.Id).JoinNetworkAsync(intruder, network.Slug, null));
        var update = await Assert.ThrowsAsync<HubException>(() => _grains.GetOrganisation(org.Id).UpdateAsync(intruder, new UpdateOrganisation("Taken", null, null, null, null, null, null)));
        var add = await Assert.ThrowsAsync<HubException>(() => _grains.GetOrganisation(org.Id).AddPersonAsync(intruder, intruder.Subject));

        Assert.All([join, update, add], e => Assert.Equal(ErrorCodes.Forbidden, e.Code));
        Assert.Equal(0, (await _grains.GetNetwork(network.Slug).GetProfileAsync())!.MemberCount);
        Assert.Equal("Gateshead Food Bank", (await _grains.GetOrganisation(org.Id).GetProfileAsync())!.Name);
        Assert.DoesNotContain(org.Id, (await _grains.SignInAsync(intruder.Subject)).Organisations);
    }

    [Fact]
    public async Task Its_people_change_its_profile_and_who_acts_for_it_but_never_remove_the_last_person()
    {
        var org = await _given.OrganisationAsync();
        var first = await _given.PersonAsync(org.Id);
        var grain = _grains.GetOrganisation(org.Id);

        var renamed = await grain.UpdateAsync(first, new UpdateOrganisation("Gateshead Food Bank CIO", null, null, null, null, ["food", "advice"], null));
        await grain.AddPersonAsync(first, "sam@example.org");
        var sam = await _grains.SignInAsync("sam@example.org");
        await grain.RemovePersonAsync(sam, first.Subject);
        var last = await Assert.ThrowsAsync<HubException>(() => grain.RemovePersonAsync(sam, sam.Subject));

        Assert.Equal(("Gateshead Food Bank CIO", 2), (renamed.Name, renamed.Themes.Count));
        Assert.Equal(ErrorCodes.LastPerson, last.Code);
        Assert.Equal(["sam@example.org"], (await grain.GetPrivateAsync(sam))!.People);
        Assert.Empty((await _grains.SignInAsync(first.Subject)).Organisations);
        Assert.Null(await grain.GetContactAsync(await _grains.SignInAsync(first.Subject)));
    }

    /// <summary>A signed-in person nobody has seen before.</summary>
    private static Caller Someone => new($"founder-{Guid.NewGuid():N}@example.org", HubRoles.None, []);

    private static string NewId() => HubIds.OrganisationPrefix + Ulid.NewUlid();
}
