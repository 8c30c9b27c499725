using GraphQL.Types;
using OurSociety.Federation.Api.Common;

namespace OurSociety.Federation.Api.Organisations;

public sealed class RegisterOrganisationInputType : InputObjectGraphType
{
    public RegisterOrganisationInputType()
    {
        Name = "RegisterOrganisationInput";
        Description = "An organisation to register on the hub; whoever registers it is its first person.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name, up to 200 characters.");
        Field<NonNullGraphType<StringGraphType>>("kind").Description("CHARITY, SOCIAL_ENTERPRISE, COMMUNITY_GROUP, HOUSING_ASSOCIATION, PUBLIC_SERVICE, BUSINESS or INFORMAL_GROUP.");
        Field<StringGraphType>("orgId").Description("Its identifier in a public register, in org-id form, e.g. GB-CHC-1234567.");
        Field<PlaceDetailsInputType>("registeredAt").Description("Where it is registered.");
        Field<ListGraphType<NonNullGraphType<PlaceDetailsInputType>>>("activeIn").Description("Where it does its work, up to 20 places.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("themes").Description("What it works on: up to 20 themes of up to 50 characters.");
        Field<ContactInputType>("contact").Description("Private contact details.");
        Field<StringGraphType>("clientRequestId").Description("Your id for this request (a UUID works): retrying with the same id registers once.");
    }
}

public sealed class UpdateOrganisationInputType : InputObjectGraphType
{
    public UpdateOrganisationInputType()
    {
        Name = "UpdateOrganisationInput";
        Description = "A change to an organisation's profile or contact, by one of its people; fields left out stay as they are.";
        Field<NonNullGraphType<IdGraphType>>("organisationId").Description("The organisation's id.");
        Field<StringGraphType>("name").Description("A new name, up to 200 characters.");
        Field<StringGraphType>("kind").Description("A new kind (see RegisterOrganisationInput.kind).");
        Field<StringGraphType>("orgId").Description("A new org-id, e.g. GB-CHC-1234567.");
        Field<PlaceDetailsInputType>("registeredAt").Description("Where it is registered.");
        Field<ListGraphType<NonNullGraphType<PlaceDetailsInputType>>>("activeIn").Description("Where it does its work, up to 20 places (replaces the list).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("themes").Description("What it works on (replaces the list).");
        Field<ContactInputType>("contact").Description("New private contact details (replace the old).");
    }
}

/// <summary>The input of addOrganisationPerson and removeOrganisationPerson.</summary>
public abstract class OrganisationPersonInputType : InputObjectGraphType
{
    protected OrganisationPersonInputType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<IdGraphType>>("organisationId").Description("The organisation's id.");
        Field<NonNullGraphType<StringGraphType>>("subject").Description("The person, as their sign-in names them.");
    }
}

public sealed class AddOrganisationPersonInputType() : OrganisationPersonInputType("AddOrganisationPersonInput", "One of an organisation's people names another who may act for it.");

public sealed class RemoveOrganisationPersonInputType() : OrganisationPersonInputType("RemoveOrganisationPersonInput", "One of an organisation's people removes a person (or themself); an organisation keeps at least one.");
