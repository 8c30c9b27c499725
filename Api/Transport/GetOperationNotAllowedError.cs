using GraphQL.Validation;
using GraphQLParser.AST;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// A mutation or subscription sent by GET. The endpoint answers it with 405 and <c>Allow: POST</c>.
/// </summary>
public sealed class GetOperationNotAllowedError : ValidationError
{
    public GetOperationNotAllowedError(ValidationContext context, GraphQLOperationDefinition operation)
        : base(
            context.Document.Source,
            number: null,
            $"Only query operations can be sent with GET; send this {operation.Operation.ToString().ToLowerInvariant()} with POST.",
            operation)
    {
        Code = TransportErrorCodes.MethodNotAllowed;
    }
}
