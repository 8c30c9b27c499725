using GraphQL.Types;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Common;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Api.Networks;

public static class NetworkMutations
{
    public static void AddNetworkMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateNetworkPayloadType, CreateNetworkInputType, NetworkProfile>(
            "createNetwork",
            "Creates a network's hub under a unique slug and names its first coordinators. For hub admins.",
            async (ctx, input) => await ctx.Hub().Grains.GetNetwork(Input.Slug(input.Get<string>("slug"), "slug")).CreateAsync(
                await ctx.CallerAsync(),
                new CreateNetwork(
                    input.Get<string>("name"),
                    input.Get<string>("region"),
                    input.Get<string>("charter"),
                    input.GetList<string>("coordinators"),
                    input.Get<string>("clientRequestId"),
                    input.GetValue<JoinPolicy>("joinPolicy"))));

        Change<UpdateNetworkPayloadType, UpdateNetworkInputType>(
            mutation, "updateNetwork", "Changes the network's name, charter or join policy. For its coordinators; recorded in the audit trail.",
            (network, caller, input) => network.UpdateAsync(caller, new UpdateNetwork(input.Get<string>("name"), input.Get<string>("charter"), input.GetValue<JoinPolicy>("joinPolicy"))));

        Change<AddCoordinatorPayloadType, AddCoordinatorInputType>(
            mutation, "addCoordinator", "Names another coordinator. For the network's coordinators; recorded in the audit trail.",
            (network, caller, input) => network.AddCoordinatorAsync(caller, input.Get<string>("subject")!));

        Change<RemoveCoordinatorPayloadType, RemoveCoordinatorInputType>(
            mutation, "removeCoordinator", "Removes a coordinator (or steps down); a network keeps at least one. For its coordinators; recorded in the audit trail.",
            (network, caller, input) => network.RemoveCoordinatorAsync(caller, input.Get<string>("subject")!));

        Change<ApproveJoinRequestPayloadType, ApproveJoinRequestInputType>(
            mutation, "approveJoinRequest", "Approves an organisation's request to join: it becomes a member. For the network's coordinators; recorded in the audit trail.",
            async (network, caller, input) =>
            {
                await network.ApproveJoinAsync(caller, Organisation(input));
                return (await network.GetProfileAsync())!;
            });

        Change<DeclineJoinRequestPayloadType, DeclineJoinRequestInputType>(
            mutation, "declineJoinRequest", "Declines an organisation's request to join, optionally saying why. For the network's coordinators; recorded in the audit trail.",
            async (network, caller, input) =>
            {
                await network.DeclineJoinAsync(caller, Organisation(input), input.Get<string>("reason"));
                return (await network.GetProfileAsync())!;
            });

        Change<RemoveMemberPayloadType, RemoveMemberInputType>(
            mutation, "removeMember", "Removes a member organisation, optionally saying why; what it posted stays. For the network's coordinators; recorded in the audit trail.",
            async (network, caller, input) =>
            {
                await network.RemoveMemberAsync(caller, Organisation(input), input.Get<string>("reason"));
                return (await network.GetProfileAsync())!;
            });
    }

    private static string Organisation(Dictionary<string, object?> input) => OrganisationIds.Parse(input.Get<string>("organisationId"), "organisationId");

    /// <summary>A coordinator's change to one network: the network grain decides whether the caller may; the change returns the network after.</summary>
    private static void Change<TPayload, TInput>(
        ObjectGraphType mutation, string name, string description, Func<INetworkGrain, Caller, Dictionary<string, object?>, Task<NetworkProfile>> change)
        where TPayload : IGraphType
        where TInput : IInputObjectGraphType =>
        mutation.NetworkChange<TPayload, TInput, NetworkProfile>(name, description, change);

    /// <summary>A change made through one network's grain (named by <c>networkSlug</c>), which decides whether the caller may.</summary>
    internal static void NetworkChange<TPayload, TInput, T>(
        this ObjectGraphType mutation, string name, string description, Func<INetworkGrain, Caller, Dictionary<string, object?>, Task<T>> change)
        where TPayload : IGraphType
        where TInput : IInputObjectGraphType
        where T : class =>
        mutation.Mutation<TPayload, TInput, T>(name, description, async (ctx, input) =>
        {
            var network = ctx.Hub().Grains.GetNetwork(Input.Slug(input.Get<string>("networkSlug"), "networkSlug"));
            return await change(network, await ctx.CallerAsync(), input);
        });
}
