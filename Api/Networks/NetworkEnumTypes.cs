using GraphQL.Types;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Api.Networks;

public sealed class JoinPolicyType : EnumerationGraphType<JoinPolicy>
{
    public JoinPolicyType()
    {
        Name = "JoinPolicy";
        Description = "How a network takes in organisations that ask to join: APPROVAL (a coordinator answers each request) or AUTOMATIC.";
    }
}

public sealed class MembershipStatusType : EnumerationGraphType<MembershipStatus>
{
    public MembershipStatusType()
    {
        Name = "MembershipStatus";
        Description = "Where an organisation stands with a network: NONE, PENDING (asked; waiting for a coordinator) or MEMBER.";
    }
}

public sealed class AuditActionType : EnumerationGraphType<AuditAction>
{
    public AuditActionType()
    {
        Name = "AuditAction";
        Description = "What a line of a network's audit trail records.";
    }
}
