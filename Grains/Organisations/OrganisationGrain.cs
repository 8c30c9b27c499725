using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Organisations;

/// <inheritdoc cref="IOrganisationGrain"/>
/// <remarks>
/// The organisation is the authority on its people and keeps each subject's index (<see cref="ISubjectGrain"/>)
/// in step: it adds there after recording a person and removes there before dropping one. The network is the
/// authority on membership; the organisation's list of networks follows what the network says.
/// </remarks>
public sealed class OrganisationGrain(
    [PersistentState("organisation", HubStorage.Name)] IPersistentState<OrganisationState> state,
    TimeProvider time) : Grain, IOrganisationGrain
{
    /// <summary>The most networks one organisation belongs to or has asked to join, which bounds its state.</summary>
    public const int MaxMemberships = 50;

    /// <summary>The most people who act for one organisation.</summary>
    public const int MaxPeople = 50;

    private string Id => this.GetPrimaryKeyString();

    private OrganisationProfile Profile => state.State.Profile
        ?? throw new HubException(ErrorCodes.OrganisationNotFound, $"There is no organisation '{Id}'.", "organisationId");

    private List<string> People => state.State.People;

    public async Task<OrganisationProfile> RegisterAsync(Caller caller, RegisterOrganisation command)
    {
        caller.RequireSignedIn("register an organisation");
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
        var contact = ContactOf(command.Contact);
        if (state.State.Profile is { } existing)
        {
            if (!IsPerson(caller) || existing.Name != profile.Name || existing.Kind != profile.Kind || existing.OrgId != profile.OrgId)
            {
                throw new HubException(ErrorCodes.RequestIdReused, "This client request id was already used to register a different organisation.", "clientRequestId");
            }
        }
        else
        {
            state.State.Profile = profile;
            state.State.Contact = contact;
            state.State.People = [caller.Subject];
            await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        }

        // Recorded here first; the index follows, and a retry with the same request id completes it.
        await GrainFactory.GetSubject(caller.Subject).SetOrganisationAsync(Id, member: true);
        return state.State.Profile;
    }

    [ReadOnly]
    public Task<OrganisationProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    [ReadOnly]
    public async Task<Contact?> GetContactAsync(Caller caller)
    {
        if (state.State.Profile is null || caller.IsAnonymous)
        {
            return null;
        }

        // Its own people, and the people of an organisation it is connected with by a double opt-in introduction.
        return IsPerson(caller) || (caller.Organisations.Count > 0 && await GrainFactory.GetInbox(Id).IsConnectedWithAsync(caller.Organisations))
            ? state.State.Contact
            : null;
    }

    [ReadOnly]
    public Task<OrganisationPrivate?> GetPrivateAsync(Caller caller) =>
        Task.FromResult(state.State.Profile is not null && IsPerson(caller)
            ? new OrganisationPrivate([.. People], [.. state.State.PendingNetworks])
            : null);

    public async Task<OrganisationProfile> UpdateAsync(Caller caller, UpdateOrganisation command)
    {
        var profile = RequirePerson(caller, "change it");
        var updated = profile with
        {
            Name = command.Name is null ? profile.Name : Input.Text(command.Name, Input.MaxNameLength, "A name", "name"),
            Kind = command.Kind is null ? profile.Kind : OrganisationKind.Canonical(command.Kind, "kind"),
            OrgId = command.OrgId is null ? profile.OrgId : Input.OrgId(command.OrgId, "orgId"),
            RegisteredAt = command.RegisteredAt is null ? profile.RegisteredAt : Input.Place(command.RegisteredAt, "registeredAt"),
            ActiveIn = command.ActiveIn is null ? profile.ActiveIn : Places(command.ActiveIn),
            Themes = command.Themes is null ? profile.Themes : Input.Tags(command.Themes, "themes", "themes"),
        };
        var contact = command.Contact is null ? state.State.Contact : ContactOf(command.Contact);
        state.State.Profile = updated;
        state.State.Contact = contact;
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return updated;
    }

    public async Task<OrganisationProfile> AddPersonAsync(Caller caller, string subject)
    {
        var profile = RequirePerson(caller, "add people to it");
        subject = Input.Subject(subject, "subject");
        if (!People.Contains(subject))
        {
            if (People.Count >= MaxPeople)
            {
                throw new HubException(ErrorCodes.TooMany, $"At most {MaxPeople} people act for one organisation.", "subject");
            }

            People.Add(subject);
            await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        }

        await GrainFactory.GetSubject(subject).SetOrganisationAsync(Id, member: true);
        return profile;
    }

    public async Task<OrganisationProfile> RemovePersonAsync(Caller caller, string subject)
    {
        var profile = RequirePerson(caller, "remove people from it");
        subject = Input.Subject(subject, "subject");
        if (!People.Contains(subject))
        {
            throw new HubException(ErrorCodes.PersonNotFound, "That person does not act for this organisation.", "subject");
        }

        if (People.Count == 1)
        {
            throw new HubException(ErrorCodes.LastPerson, "An organisation keeps at least one person: add another before this one leaves.", "subject");
        }

        await GrainFactory.GetSubject(subject).SetOrganisationAsync(Id, member: false);
        People.Remove(subject);
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return profile;
    }

    public async Task<JoinResult> JoinNetworkAsync(Caller caller, string networkSlug, string? message)
    {
        var profile = RequirePerson(caller, "ask to join networks for it");
        Input.Slug(networkSlug, "networkSlug");
        if (profile.Networks.Contains(networkSlug))
        {
            return new JoinResult(profile, MembershipStatus.Member);
        }

        if (!state.State.PendingNetworks.Contains(networkSlug) && profile.Networks.Count + state.State.PendingNetworks.Count >= MaxMemberships)
        {
            throw new HubException(ErrorCodes.MembershipLimitReached, $"An organisation belongs to, or waits to join, at most {MaxMemberships} networks.");
        }

        // The network is the authority on membership, so it decides first; this grain then records what it said.
        var status = await GrainFactory.GetNetwork(networkSlug).RequestJoinAsync(caller, Id, profile.RegisteredOn, message);
        await RecordAsync(networkSlug, status);
        return new JoinResult(state.State.Profile!, status);
    }

    public async Task<OrganisationProfile> LeaveNetworkAsync(Caller caller, string networkSlug)
    {
        RequirePerson(caller, "leave networks for it");
        Input.Slug(networkSlug, "networkSlug");
        await GrainFactory.GetNetwork(networkSlug).LeaveAsync(caller, Id);
        await RecordAsync(networkSlug, MembershipStatus.None);
        return state.State.Profile!;
    }

    public async Task SyncMembershipAsync(string networkSlug)
    {
        if (state.State.Profile is null || !Input.IsSlug(networkSlug))
        {
            return;
        }

        await RecordAsync(networkSlug, await GrainFactory.GetNetwork(networkSlug).GetMembershipAsync(Id));
    }

    private bool IsPerson(Caller caller) => !caller.IsAnonymous && People.Contains(caller.Subject);

    private OrganisationProfile RequirePerson(Caller caller, string action)
    {
        var profile = Profile;
        return IsPerson(caller) ? profile : throw caller.Forbidden($"Only the organisation's own people may {action}.");
    }

    /// <summary>Records where the organisation stands with a network, writing only if that changed.</summary>
    private async Task RecordAsync(string networkSlug, MembershipStatus status)
    {
        var profile = Profile;
        var pending = state.State.PendingNetworks;
        var isMember = profile.Networks.Contains(networkSlug);
        var isPending = pending.Contains(networkSlug);
        if (isMember == (status == MembershipStatus.Member) && isPending == (status == MembershipStatus.Pending))
        {
            return;
        }

        var networks = profile.Networks.Where(n => n != networkSlug);
        state.State.Profile = profile with { Networks = status == MembershipStatus.Member ? [.. networks, networkSlug] : [.. networks] };
        pending.Remove(networkSlug);
        if (status == MembershipStatus.Pending)
        {
            pending.Add(networkSlug);
        }

        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    private static Contact? ContactOf(Contact? contact) => contact is { } c
        ? new Contact(
            Input.Email(c.Email, "contact", "email"),
            Input.OptionalText(c.Phone, 40, "A phone number", "contact", "phone"),
            Input.OptionalText(c.Person, Input.MaxNameLength, "A contact person", "contact", "person"))
        : null;

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
