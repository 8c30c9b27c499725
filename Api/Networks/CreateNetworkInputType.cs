using GraphQL.Types;

namespace OurSociety.Federation.Api.Networks;

public sealed class CreateNetworkInputType : InputObjectGraphType
{
    public CreateNetworkInputType()
    {
        Name = "CreateNetworkInput";
        Description = "A new network's hub.";
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Its unique key: 3 to 64 lower-case letters, digits and hyphens, e.g. big-society-north.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name, up to 200 characters.");
        Field<NonNullGraphType<StringGraphType>>("region").Description("The UK region (ITL1) it works in, e.g. North East, London, Wales.");
        Field<StringGraphType>("charter").Description("Its values and what members sign up to, up to 20,000 characters.");
        Field<StringGraphType>("clientRequestId").Description("Your id for this request (a UUID works): retrying with the same id creates once.");
    }
}
