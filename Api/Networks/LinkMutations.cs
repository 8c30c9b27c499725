using GraphQL.Types;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Networks.Links;

namespace OurSociety.Federation.Api.Networks;

public static class LinkMutations
{
    public static void AddLinkMutations(this ObjectGraphType mutation)
    {
        Change<ProposeLinkInputType>(
            mutation, "proposeLink", "Proposes a link from a network to another, saying what it will share. For the proposing network's coordinators; the other network's coordinators accept or end it.",
            (network, caller, input) => network.ProposeLinkAsync(caller, input.Get<string>("toNetworkSlug")!, Kinds(input)));
        Change<AcceptLinkInputType>(
            mutation, "acceptLink", "Accepts a proposed link, saying what the accepting network will share. For its coordinators; the link is active for both at once.",
            (network, caller, input) => network.AcceptLinkAsync(caller, input.Get<string>("fromNetworkSlug")!, Kinds(input)));
        Change<SetLinkSharingInputType>(
            mutation, "setLinkSharing", "Changes which kinds a network shares over one of its links; sharing less takes effect at once. For its coordinators.",
            (network, caller, input) => network.SetLinkSharingAsync(caller, input.Get<string>("otherNetworkSlug")!, Kinds(input)));
        Change<SuspendLinkInputType>(
            mutation, "suspendLink", "Suspends a link: from now on nothing flows either way, in feeds, single items or live updates, until this side resumes it. For either side's coordinators.",
            (network, caller, input) => network.SuspendLinkAsync(caller, input.Get<string>("otherNetworkSlug")!));
        Change<ResumeLinkInputType>(
            mutation, "resumeLink", "Resumes a link this side suspended. For its coordinators.",
            (network, caller, input) => network.ResumeLinkAsync(caller, input.Get<string>("otherNetworkSlug")!));
        Change<EndLinkInputType>(
            mutation, "endLink", "Ends a link, or withdraws or declines a proposal: from now on nothing flows either way. For either side's coordinators.",
            (network, caller, input) => network.EndLinkAsync(caller, input.Get<string>("otherNetworkSlug")!));
    }

    private static IReadOnlyList<ActivityKind> Kinds(Dictionary<string, object?> input) => input.GetList<ActivityKind>("sharedKinds") ?? [];

    private static void Change<TInput>(
        ObjectGraphType mutation, string name, string description, Func<INetworkGrain, Caller, Dictionary<string, object?>, Task<LinkView>> change)
        where TInput : IInputObjectGraphType =>
        mutation.NetworkChange<LinkPayloadType, TInput, LinkView>(name, description, change);
}
