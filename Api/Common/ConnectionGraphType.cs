using GraphQL.Types;

namespace OurSociety.Federation.Api.Common;

/// <summary>The <c>XConnection</c> type for a node type <typeparamref name="TNodeType"/> (named after it, e.g. ActivityConnection).</summary>
public sealed class ConnectionGraphType<TNodeType, T> : ObjectGraphType<RelayConnection<T>>
    where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        var node = NodeName();
        Name = node + "Connection";
        Description = $"A page of {node} items with cursors (Relay cursor connection).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType, T>>>>>("edges")
            .Description("The items of this page, each with its cursor.")
            .Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page sits in the list.").Resolve(ctx => ctx.Source.PageInfo);
        Field<LongGraphType>("totalCount")
            .Description("How many items the whole list holds for this caller, when it is known without counting; null otherwise.")
            .Resolve(ctx => ctx.Source.TotalCount);
    }

    internal static string NodeName() => typeof(TNodeType).Name.Replace("Type", string.Empty, StringComparison.Ordinal);
}

/// <summary>The <c>XEdge</c> type: a node and its cursor.</summary>
public sealed class EdgeGraphType<TNodeType, T> : ObjectGraphType<RelayEdge<T>>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        var node = ConnectionGraphType<TNodeType, T>.NodeName();
        Name = node + "Edge";
        Description = $"One {node} in a connection, with its cursor.";
        Field<NonNullGraphType<CursorScalar>>("cursor").Description("Pass as `after` to read the items after this one.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description($"The {node}.").Resolve(ctx => ctx.Source.Node);
    }
}
