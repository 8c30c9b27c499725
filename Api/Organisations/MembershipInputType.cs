using GraphQL.Types;

namespace OurSociety.Federation.Api.Organisations;

/// <summary>The input of joinNetwork and leaveNetwork (two named types with the same fields).</summary>
public abstract class MembershipInputType : InputObjectGraphType
{
    protected MembershipInputType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<IdGraphType>>("organisationId").Description("The organisation's id.");
        Field<NonNullGraphType<StringGraphType>>("networkSlug").Description("The network's slug.");
        Field<StringGraphType>("clientRequestId").Description("Your id for this request; joining and leaving are safe to retry in any case.");
    }
}

public sealed class JoinNetworkInputType : MembershipInputType
{
    public JoinNetworkInputType()
        : base("JoinNetworkInput", "An organisation asking to join a network, by one of its people.") =>
        Field<StringGraphType>("message").Description("A note to the network's coordinators, up to 2,000 characters.");
}

public sealed class LeaveNetworkInputType() : MembershipInputType("LeaveNetworkInput", "An organisation leaving a network, or withdrawing its request, by one of its people.");
