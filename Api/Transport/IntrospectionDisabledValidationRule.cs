using GraphQL.Validation;
using GraphQLParser.AST;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// Refuses <c>__schema</c> and <c>__type</c> when <see cref="GraphQLHttpOptions.Introspection"/> is off, as
/// GraphQL.NET's <c>NoIntrospectionValidationRule</c> does but with a stable code. <c>__typename</c> stays
/// allowed: clients add it to every selection to tell union and interface members apart.
/// </summary>
public sealed class IntrospectionDisabledValidationRule : ValidationRuleBase
{
    public static IntrospectionDisabledValidationRule Instance { get; } = new();

    private static readonly MatchingNodeVisitor<GraphQLField> _visitor = new((field, context) =>
    {
        if (field.Name.Value == "__schema" || field.Name.Value == "__type")
        {
            context.ReportError(new IntrospectionDisabledError(context, field));
        }
    });

    private IntrospectionDisabledValidationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(_visitor);
}

/// <summary>An introspection field while introspection is off.</summary>
public sealed class IntrospectionDisabledError : ValidationError
{
    public IntrospectionDisabledError(ValidationContext context, GraphQLField field)
        : base(context.Document.Source, null, "Introspection is disabled on this server.", field)
    {
        Code = TransportErrorCodes.IntrospectionDisabled;
    }
}
