using GraphQL.Types;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Common;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Api.Organisations;

public static class OrganisationMutations
{
    public static void AddOrganisationMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<RegisterOrganisationPayloadType, RegisterOrganisationInputType, OrganisationProfile>(
            "registerOrganisation",
            "Registers an organisation on the hub, with the caller as its first person; it can then ask to join networks.",
            async (ctx, input) =>
            {
                var hub = ctx.Hub();
                var caller = (await ctx.CallerAsync()).RequireSignedIn("register an organisation");
                var command = new RegisterOrganisation(
                    input.Get<string>("name"),
                    input.Get<string>("kind"),
                    input.Get<string>("orgId"),
                    input.Get<Place>("registeredAt"),
                    input.GetList<Place>("activeIn"),
                    input.GetList<string>("themes"),
                    input.Get<Contact>("contact"),
                    Input.RequestId(input.Get<string>("clientRequestId"), "clientRequestId"));
                var ids = ctx.RequestServices!.GetRequiredService<HubIds>();
                var id = command.ClientRequestId is { } rid
                    ? await hub.Grains.GetRequest(caller, "registerOrganisation:" + rid).ClaimAsync(ids.NewOrganisationId())
                    : ids.NewOrganisationId();
                var registered = await hub.Grains.GetOrganisation(id).RegisterAsync(caller, command);
                hub.OrganisationCache.Set(registered);
                return registered;
            });

        Change<UpdateOrganisationPayloadType, UpdateOrganisationInputType>(
            mutation, "updateOrganisation", "Changes an organisation's profile or contact. For its people.",
            (organisation, caller, input) => organisation.UpdateAsync(caller, new UpdateOrganisation(
                input.Get<string>("name"),
                input.Get<string>("kind"),
                input.Get<string>("orgId"),
                input.Get<Place>("registeredAt"),
                input.GetList<Place>("activeIn"),
                input.GetList<string>("themes"),
                input.Get<Contact>("contact"))));

        Change<AddOrganisationPersonPayloadType, AddOrganisationPersonInputType>(
            mutation, "addOrganisationPerson", "Names another person who may act for the organisation. For its people.",
            (organisation, caller, input) => organisation.AddPersonAsync(caller, input.Get<string>("subject")!));

        Change<RemoveOrganisationPersonPayloadType, RemoveOrganisationPersonInputType>(
            mutation, "removeOrganisationPerson", "Removes a person from the organisation (one may remove oneself); it keeps at least one. For its people.",
            (organisation, caller, input) => organisation.RemovePersonAsync(caller, input.Get<string>("subject")!));

        mutation.Mutation<JoinNetworkPayloadType, JoinNetworkInputType, JoinResult>(
            "joinNetwork",
            "An organisation asks to join a network. It is a member at once if the network approves automatically; otherwise the request waits for a coordinator. For its people.",
            async (ctx, input) =>
            {
                var organisation = ctx.Hub().Grains.GetOrganisation(OrganisationIds.Parse(input.Get<string>("organisationId"), "organisationId"));
                var result = await organisation.JoinNetworkAsync(await ctx.CallerAsync(), Input.Slug(input.Get<string>("networkSlug"), "networkSlug"), input.Get<string>("message"));
                ctx.Hub().OrganisationCache.Set(result.Organisation);
                return result;
            });

        Change<LeaveNetworkPayloadType, LeaveNetworkInputType>(
            mutation, "leaveNetwork", "An organisation leaves a network, or withdraws its request to join; what it posted stays in the network's feed. For its people.",
            (organisation, caller, input) => organisation.LeaveNetworkAsync(caller, Input.Slug(input.Get<string>("networkSlug"), "networkSlug")));
    }

    /// <summary>A change to one organisation: its grain decides whether the caller may; the payload shows it after.</summary>
    private static void Change<TPayload, TInput>(
        ObjectGraphType mutation, string name, string description, Func<IOrganisationGrain, Caller, Dictionary<string, object?>, Task<OrganisationProfile>> change)
        where TPayload : IGraphType
        where TInput : IInputObjectGraphType =>
        mutation.Mutation<TPayload, TInput, OrganisationProfile>(name, description, async (ctx, input) =>
        {
            var id = OrganisationIds.Parse(input.Get<string>("organisationId"), "organisationId");
            var changed = await change(ctx.Hub().Grains.GetOrganisation(id), await ctx.CallerAsync(), input);
            ctx.Hub().OrganisationCache.Set(changed);
            return changed;
        });
}
