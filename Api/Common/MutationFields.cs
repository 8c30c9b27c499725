using GraphQL;
using GraphQL.Types;

namespace OurSociety.Federation.Api.Common;

/// <summary>The one shape of every mutation field: <c>name(input: TInput!): TPayload!</c>.</summary>
public static class MutationFields
{
    /// <summary>
    /// Adds a mutation whose resolver runs <paramref name="change"/> with the request's context and input; a domain
    /// failure becomes a payload error (see <see cref="Payload{T}.RunAsync"/>).
    /// </summary>
    public static void Mutation<TPayload, TInput, T>(
        this ObjectGraphType mutation, string name, string description, Func<IResolveFieldContext, Dictionary<string, object?>, Task<T>> change)
        where TPayload : IGraphType
        where TInput : IInputObjectGraphType
        where T : class =>
        mutation.Field<NonNullGraphType<TPayload>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input", "What to change; see the input type.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.Input();
                return await Payload<T>.RunAsync(() => change(ctx, input));
            });
}
