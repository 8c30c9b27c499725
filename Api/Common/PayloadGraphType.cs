using GraphQL.Types;

namespace OurSociety.Federation.Api.Common;

/// <summary>Base of every <c>XPayload</c>: the changed object under its own field, and <c>errors</c>.</summary>
public abstract class PayloadGraphType<TGraph, T> : ObjectGraphType<Payload<T>>
    where TGraph : IGraphType
    where T : class
{
    protected PayloadGraphType(string name, string field, string description)
    {
        Name = name;
        Description = description;
        Field<TGraph>(field).Description($"The {field}; null when the mutation failed.").Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Why the mutation did nothing; empty on success.")
            .Resolve(ctx => ctx.Source.Errors);
    }
}
