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

public sealed class JoinNetworkInputType() : MembershipInputType("JoinNetworkInput", "An organisation joining a network.");

public sealed class LeaveNetworkInputType() : MembershipInputType("LeaveNetworkInput", "An organisation leaving a network.");
