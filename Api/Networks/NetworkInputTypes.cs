using GraphQL.Types;

namespace OurSociety.Federation.Api.Networks;

public sealed class CreateNetworkInputType : InputObjectGraphType
{
    public CreateNetworkInputType()
    {
        Name = "CreateNetworkInput";
        Description = "A new network's hub. Only a hub admin creates networks.";
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Its unique key: 3 to 64 lower-case letters, digits and hyphens, e.g. big-society-north.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name, up to 200 characters.");
        Field<NonNullGraphType<StringGraphType>>("region").Description("The UK region (ITL1) it works in, e.g. North East, London, Wales.");
        Field<StringGraphType>("charter").Description("Its values and what members sign up to, up to 20,000 characters.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("coordinators")
            .Description("Its first coordinators (1 to 20): the subjects their sign-in gives them, e.g. an email address.");
        Field<JoinPolicyType>("joinPolicy").Description("APPROVAL (the default) or AUTOMATIC.");
        Field<StringGraphType>("clientRequestId").Description("Your id for this request (a UUID works): retrying with the same id creates once.");
    }
}

public sealed class UpdateNetworkInputType : InputObjectGraphType
{
    public UpdateNetworkInputType()
    {
        Name = "UpdateNetworkInput";
        Description = "A coordinator's change to the network's profile; fields left out stay as they are.";
        Field<NonNullGraphType<StringGraphType>>("networkSlug").Description("The network's slug.");
        Field<StringGraphType>("name").Description("A new name, up to 200 characters.");
        Field<StringGraphType>("charter").Description("A new charter; an empty string removes it.");
        Field<JoinPolicyType>("joinPolicy").Description("A new join policy.");
    }
}

/// <summary>The input of addCoordinator and removeCoordinator.</summary>
public abstract class CoordinatorInputType : InputObjectGraphType
{
    protected CoordinatorInputType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<StringGraphType>>("networkSlug").Description("The network's slug.");
        Field<NonNullGraphType<StringGraphType>>("subject").Description("The person, as their sign-in names them.");
    }
}

public sealed class AddCoordinatorInputType() : CoordinatorInputType("AddCoordinatorInput", "A coordinator names another coordinator.");

public sealed class RemoveCoordinatorInputType() : CoordinatorInputType("RemoveCoordinatorInput", "A coordinator removes a coordinator, or steps down.");

/// <summary>The input of a coordinator's decision about one organisation.</summary>
public abstract class MemberDecisionInputType : InputObjectGraphType
{
    protected MemberDecisionInputType(string name, string description, bool withReason)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<StringGraphType>>("networkSlug").Description("The network's slug.");
        Field<NonNullGraphType<IdGraphType>>("organisationId").Description("The organisation's id.");
        if (withReason)
        {
            Field<StringGraphType>("reason").Description("Why, up to 2,000 characters; recorded in the network's audit trail, which members read.");
        }
    }
}

public sealed class ApproveJoinRequestInputType() : MemberDecisionInputType("ApproveJoinRequestInput", "A coordinator approves an organisation's request to join.", withReason: false);

public sealed class DeclineJoinRequestInputType() : MemberDecisionInputType("DeclineJoinRequestInput", "A coordinator declines an organisation's request to join.", withReason: true);

public sealed class RemoveMemberInputType() : MemberDecisionInputType("RemoveMemberInput", "A coordinator removes a member organisation.", withReason: true);
