using GraphQL.Types;
using OurSociety.Federation.Api.Common;

namespace OurSociety.Federation.Api.Organisations;

public sealed class RegisterOrganisationInputType : InputObjectGraphType
{
    public RegisterOrganisationInputType()
    {
        Name = "RegisterOrganisationInput";
        Description = "An organisation to register on the hub.";
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
