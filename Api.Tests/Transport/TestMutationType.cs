using GraphQL;
using GraphQL.Types;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary><c>greet(name: String!): String</c>: a mutation, to check it is refused on GET.</summary>
public sealed class TestMutationType : ObjectGraphType
{
    public TestMutationType()
    {
        Name = "Mutation";
        Field<StringGraphType>("greet")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Resolve(context => $"Greeted {context.GetArgument<string>("name")}");
    }
}
