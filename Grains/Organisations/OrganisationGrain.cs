using OurSociety.Federation.Common;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Organisations;

/// <inheritdoc cref="IOrganisationGrain"/>
public sealed class OrganisationGrain(
    [PersistentState("organisation", HubStorage.Name)] IPersistentState<OrganisationState> state,
    TimeProvider time) : Grain, IOrganisationGrain
{
    /// <summary>The most networks one organisation belongs to, which bounds its state.</summary>
    public const int MaxMemberships = 50;

    private string Id => this.GetPrimaryKeyString();

    private OrganisationProfile Profile => state.State.Profile
        ?? throw new HubException(ErrorCodes.OrganisationNotFound, $"There is no organisation '{Id}'.", "organisationId");

    public async Task<OrganisationProfile> RegisterAsync(Caller caller, RegisterOrganisation command)
    {
        var profile = new OrganisationProfile(
            Id,
            Input.Text(command.Name, Input.MaxNameLength, "A name", "name"),
            OrganisationKind.Canonical(command.Kind, "kind"),
            Input.OrgId(command.OrgId, "orgId"),
            Input.Place(command.RegisteredAt, "registeredAt"),
            Places(command.ActiveIn),
            Input.Tags(command.Themes, "themes", "themes"),
            time.GetUtcNow(),
            []);
        var contact = command.Contact is { } c
            ? new Contact(
                Input.Email(c.Email, "contact", "email"),
                Input.OptionalText(c.Phone, 40, "A phone number", "contact", "phone"),
                Input.OptionalText(c.Person, Input.MaxNameLength, "A contact person", "contact", "person"))
            : null;

        if (state.State.Profile is { } existing)
        {
            return existing.Name == profile.Name && existing.Kind == profile.Kind && existing.OrgId == profile.OrgId
                ? existing
                : throw new HubException(ErrorCodes.RequestIdReused, "This client request id was already used to register a different organisation.", "clientRequestId");
        }

        state.State.Profile = profile;
        state.State.Contact = contact;
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return profile;
    }

    [ReadOnly]
    public Task<OrganisationProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    [ReadOnly]
    public Task<Contact?> GetContactAsync(Caller caller) =>
        Task.FromResult(state.State.Profile is not null && caller.ActsFor(Id) ? state.State.Contact : null);

    public async Task<OrganisationProfile> JoinNetworkAsync(Caller caller, string networkSlug)
    {
        var profile = ProfileFor(caller);
        Input.Slug(networkSlug, "networkSlug");
        if (profile.Networks.Contains(networkSlug))
        {
            return profile;
        }

        if (profile.Networks.Count >= MaxMemberships)
        {
            throw new HubException(ErrorCodes.MembershipLimitReached, $"An organisation belongs to at most {MaxMemberships} networks.");
        }

        // The network is the authority on who may post, so it records the member first; if this grain's write
        // then fails, a retry finds the network already has the member and completes the join.
        await GrainFactory.GetNetwork(networkSlug).AddMemberAsync(caller, Id);
        state.State.Profile = profile with { Networks = [.. profile.Networks, networkSlug] };
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return state.State.Profile;
    }

    public async Task<OrganisationProfile> LeaveNetworkAsync(Caller caller, string networkSlug)
    {
        var profile = ProfileFor(caller);
        Input.Slug(networkSlug, "networkSlug");
        await GrainFactory.GetNetwork(networkSlug).RemoveMemberAsync(caller, Id);
        if (!profile.Networks.Contains(networkSlug))
        {
            return profile;
        }

        state.State.Profile = profile with { Networks = profile.Networks.Where(n => n != networkSlug).ToArray() };
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return state.State.Profile;
    }

    private OrganisationProfile ProfileFor(Caller caller) =>
        caller.ActsFor(Id) ? Profile : throw new HubException(ErrorCodes.Forbidden, "Only the organisation itself may change its memberships.");

    private static Place[] Places(IReadOnlyList<Place>? places)
    {
        if (places is null)
        {
            return [];
        }

        if (places.Count > Input.MaxPlaces)
        {
            throw new HubException(ErrorCodes.TooMany, $"At most {Input.MaxPlaces} places are allowed.", "activeIn");
        }

        return places.Select(p => Input.Place(p, "activeIn")!).Where(p => p is not null).ToArray();
    }
}
