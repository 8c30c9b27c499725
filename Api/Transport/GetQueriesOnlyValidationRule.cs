using GraphQL.Validation;
using GraphQLParser.AST;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// GraphQL-over-HTTP: GET is safe, so only queries may run on it. A validation rule rather than a
/// check on the text, so it sees the operation GraphQL.NET actually selected (by operationName), and
/// it is also listed in <c>CachedDocumentValidationRules</c> so a document cached from a POST is
/// still refused on GET.
/// </summary>
public sealed class GetQueriesOnlyValidationRule : ValidationRuleBase
{
    public static GetQueriesOnlyValidationRule Instance { get; } = new();

    private GetQueriesOnlyValidationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new GetOperationNotAllowedError(context, context.Operation));
        }

        return default;
    }
}
