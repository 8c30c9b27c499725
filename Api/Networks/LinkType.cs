using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Networks.Links;

namespace OurSociety.Federation.Api.Networks;

public sealed class LinkStateType : EnumerationGraphType<LinkState>
{
    public LinkStateType()
    {
        Name = "LinkState";
        Description = "Where a link between two networks stands.";
        this.Describe(
            ("PROPOSED", "One network has proposed it and the other has not accepted yet; nothing is shared."),
            ("ACTIVE", "Both consented and neither has suspended it: each shares the kinds it chose."),
            ("SUSPENDED", "One side (or both) has suspended it: nothing is shared until that side resumes."),
            ("ENDED", "One side has ended it: nothing is shared; either may propose a new link."));
    }
}

public sealed class LinkType : ObjectGraphType<LinkView>
{
    public LinkType()
    {
        Name = "Link";
        Description = "A consented federation between two networks, seen from `from`'s side: each side chooses what it shares, and either may suspend or end it.";
        Field<NonNullGraphType<NetworkType>>("from").Description("The network whose side this is.").Resolve(ctx => ctx.Hub().Networks.Load(ctx.Source.Network));
        Field<NonNullGraphType<NetworkType>>("to").Description("The network at the other end.").Resolve(ctx => ctx.Hub().Networks.Load(ctx.Source.Peer));
        Field<NonNullGraphType<LinkStateType>>("state").Description("Where the link stands.").Resolve(ctx => ctx.Source.State);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActivityKindType>>>>("sharedKinds")
            .Description("The kinds `from` shares with `to` while the link is active (linked and public items of these kinds).")
            .Resolve(ctx => ctx.Source.Shares);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActivityKindType>>>>("receivedKinds")
            .Description("The kinds `to` shares with `from`, as `from` last heard; empty until `to` has accepted.")
            .Resolve(ctx => ctx.Source.PeerShares);
        Field<NonNullGraphType<NetworkType>>("proposedBy").Description("The network that proposed the link.").Resolve(ctx => ctx.Hub().Networks.Load(ctx.Source.ProposedBy));
        Field<NonNullGraphType<BooleanGraphType>>("suspendedByFrom").Description("Whether `from` has suspended the link (only it can resume it).").Resolve(ctx => ctx.Source.SuspendedByNetwork);
        Field<NonNullGraphType<BooleanGraphType>>("suspendedByTo").Description("Whether `to` has suspended the link.").Resolve(ctx => ctx.Source.SuspendedByPeer);
        Field<DateTimeScalar>("since").Description("When the link first became active; null while proposed.").Resolve(ctx => ctx.Source.Since);
        Field<DateTimeScalar>("changedAt").Description("When either side last changed its part.").Resolve(ctx => ctx.Source.ChangedAt);
    }
}

public sealed class LinkPayloadType() : PayloadGraphType<LinkType, LinkView>(
    "LinkPayload", "link", "The result of a link mutation: the link as the acting network now sees it, or why nothing changed.");

public sealed class ProposeLinkInputType : InputObjectGraphType
{
    public ProposeLinkInputType()
    {
        Name = "ProposeLinkInput";
        Description = "A coordinator proposes a link from their network to another; nothing is shared until the other accepts.";
        Field<NonNullGraphType<StringGraphType>>("networkSlug").Description("The proposing network (the caller coordinates it).");
        Field<NonNullGraphType<StringGraphType>>("toNetworkSlug").Description("The network asked to link.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActivityKindType>>>>("sharedKinds")
            .Description("The kinds the proposing network will share with the other (at least one).");
    }
}

public sealed class AcceptLinkInputType : InputObjectGraphType
{
    public AcceptLinkInputType()
    {
        Name = "AcceptLinkInput";
        Description = "A coordinator accepts a link another network proposed to theirs.";
        Field<NonNullGraphType<StringGraphType>>("networkSlug").Description("The accepting network (the caller coordinates it).");
        Field<NonNullGraphType<StringGraphType>>("fromNetworkSlug").Description("The network that proposed the link.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActivityKindType>>>>("sharedKinds")
            .Description("The kinds the accepting network will share with the other (at least one).");
    }
}

/// <summary>The input of setLinkSharing, suspendLink, resumeLink and endLink: the acting network and the other end.</summary>
public abstract class ChangeLinkInputType : InputObjectGraphType
{
    protected ChangeLinkInputType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<StringGraphType>>("networkSlug").Description("The acting network (the caller coordinates it).");
        Field<NonNullGraphType<StringGraphType>>("otherNetworkSlug").Description("The network at the other end of the link.");
    }
}

public sealed class SetLinkSharingInputType : ChangeLinkInputType
{
    public SetLinkSharingInputType()
        : base("SetLinkSharingInput", "A coordinator changes which kinds their network shares over a link it has proposed or accepted.") =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActivityKindType>>>>("sharedKinds")
            .Description("The kinds the acting network shares from now on (at least one).");
}

public sealed class SuspendLinkInputType() : ChangeLinkInputType("SuspendLinkInput", "A coordinator suspends a link: nothing flows either way until their network resumes it.");

public sealed class ResumeLinkInputType() : ChangeLinkInputType("ResumeLinkInput", "A coordinator resumes a link their network suspended.");

public sealed class EndLinkInputType() : ChangeLinkInputType("EndLinkInput", "A coordinator ends a link (or withdraws or declines a proposal); either side may propose anew later.");
