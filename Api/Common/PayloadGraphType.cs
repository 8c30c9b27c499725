using GraphQL.Types;

namespace OurSociety.Federation.Api.Common;

/// <summary>Base of every <c>XPayload</c>: the changed object under its own field, and <c>errors</c>.</summary>
public abstract class PayloadGraphType<TGraph, T> : ObjectGraphType<Payload<T>>
    where TGraph : IGraphType
    where T : class
{
    /// <param name="select">What of the result <paramref name="field"/> shows; the result itself when null.</param>
    protected PayloadGraphType(string name, string field, string description, Func<T, object?>? select = null)
    {
        Name = name;
        Description = description;
        Field<TGraph>(field).Description($"The {field}; null when the mutation failed.")
            .Resolve(ctx => ctx.Source.Value is { } value ? (select is null ? value : select(value)) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Why the mutation did nothing; empty on success.")
            .Resolve(ctx => ctx.Source.Errors);
    }
}
