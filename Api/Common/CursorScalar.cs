using GraphQL.Types;
using GraphQLParser.AST;

namespace OurSociety.Federation.Api.Common;

/// <summary>The schema's <c>Cursor</c>: an opaque position in a list, to pass back as <c>after</c>.</summary>
public sealed class CursorScalar : ScalarGraphType
{
    public CursorScalar()
    {
        Name = "Cursor";
        Description = "An opaque position in a connection. Pass an edge's cursor (or pageInfo.endCursor) as `after` to read on.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => (string)s.Value,
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        string s => s,
        null => null,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        string s => s,
        null => null,
        _ => ThrowSerializationError(value),
    };
}
