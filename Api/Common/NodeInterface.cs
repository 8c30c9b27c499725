using GraphQL.Types;

namespace OurSociety.Federation.Api.Common;

/// <summary>Relay's <c>Node</c>: anything that can be fetched again by its global id through <c>node(id:)</c>.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id that `node(id:)` fetches again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The object's global id: opaque, stable, unique across the hub.");
    }
}
