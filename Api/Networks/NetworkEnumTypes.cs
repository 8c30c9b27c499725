using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Api.Networks;

public sealed class JoinPolicyType : EnumerationGraphType<JoinPolicy>
{
    public JoinPolicyType()
    {
        Name = "JoinPolicy";
        Description = "How a network takes in organisations that ask to join: APPROVAL (a coordinator answers each request) or AUTOMATIC.";
        this.Describe(
            ("APPROVAL", "A coordinator approves or declines each request (the default)."),
            ("AUTOMATIC", "Every request is approved at once."));
    }
}

public sealed class MembershipStatusType : EnumerationGraphType<MembershipStatus>
{
    public MembershipStatusType()
    {
        Name = "MembershipStatus";
        Description = "Where an organisation stands with a network: NONE, PENDING (asked; waiting for a coordinator) or MEMBER.";
        this.Describe(
            ("NONE", "Neither a member nor asking to be one."),
            ("PENDING", "Asked to join; waiting for a coordinator."),
            ("MEMBER", "A member: may post and sees what members see."));
    }
}

public sealed class AuditActionType : EnumerationGraphType<AuditAction>
{
    public AuditActionType()
    {
        Name = "AuditAction";
        Description = "What a line of a network's audit trail records.";
        this.Describe(
            ("NETWORK_CREATED", "An admin created the network."),
            ("PROFILE_CHANGED", "A coordinator changed the network's name, charter or join policy; the detail says which."),
            ("COORDINATOR_ADDED", "A coordinator was added."),
            ("COORDINATOR_REMOVED", "A coordinator was removed."),
            ("JOIN_REQUESTED", "An organisation asked to join."),
            ("JOIN_APPROVED", "A coordinator approved a request to join (or the network approved it automatically)."),
            ("JOIN_DECLINED", "A coordinator declined a request to join."),
            ("JOIN_WITHDRAWN", "An organisation withdrew its request to join."),
            ("MEMBER_JOINED", "An organisation became a member."),
            ("MEMBER_LEFT", "A member organisation left."),
            ("MEMBER_REMOVED", "A coordinator removed a member organisation."),
            ("LINK_PROPOSED", "A coordinator proposed a link to another network; the detail names it and what this network shares."),
            ("LINK_ACCEPTED", "A coordinator accepted another network's proposed link; the detail says what this network shares."),
            ("LINK_SUSPENDED", "A coordinator suspended a link."),
            ("LINK_RESUMED", "A coordinator resumed a link this network had suspended."),
            ("LINK_ENDED", "A coordinator ended a link, or withdrew or declined a proposal."),
            ("LINK_SHARING_CHANGED", "A coordinator changed which kinds this network shares over a link; the detail says which."),
            ("NATIONAL_STATISTICS_CHANGED", "A coordinator opted the network in to national statistics, or out (which withdrew what it had counted)."));
    }
}
