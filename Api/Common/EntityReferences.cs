using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace OurSociety.Federation.Api.Common;

/// <summary>
/// Makes a node type an Apollo Federation entity: <c>@key(fields: "id")</c> on its global id, resolved through
/// <see cref="Nodes.LoadAsync"/>, so a router's <c>_entities</c> call sees exactly what <c>node(id:)</c> would show
/// the same caller. A representation whose id names another type, or nothing, resolves to null.
/// </summary>
public static class EntityReferences
{
    /// <param name="otherKeys">Further single-field keys (e.g. a network's slug), each with how to load by it.</param>
    public static void KeyedByGlobalId<T>(this ObjectGraphType<T> type, params (string Field, Func<IResolveFieldContext, string, Task<T?>> Load)[] otherKeys)
        where T : class
    {
        type.Key("id");
        foreach (var (field, _) in otherKeys)
        {
            type.Key(field);
        }

        type.ResolveReference<Dictionary<string, object?>, T>(async (ctx, representation) =>
        {
            if (representation.TryGetValue("id", out var id) && id is string globalId)
            {
                return await Nodes.LoadAsync(ctx.Hub(), ctx.User, globalId) as T;
            }

            foreach (var (field, load) in otherKeys)
            {
                if (representation.TryGetValue(field, out var value) && value is string key)
                {
                    return await load(ctx, key);
                }
            }

            return null;
        });
    }
}
