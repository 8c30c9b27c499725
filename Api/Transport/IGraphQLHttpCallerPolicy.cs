using GraphQL;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// The app's say about the caller, kept out of the transport: whether a request may be executed at all (say, a
/// bearer token that does not check out) and which status an executed result gets (say, 401 when an operation
/// needed a signed-in caller). Register any number as singletons; the first refusal wins.
/// </summary>
public interface IGraphQLHttpCallerPolicy
{
    /// <summary>
    /// Called once the response media type is known and before the request is read. Null lets the request through;
    /// a refusal is answered with its status, headers and a single GraphQL error, and nothing is executed.
    /// </summary>
    ValueTask<GraphQLHttpRefusal?> CheckAsync(HttpContext context);

    /// <summary>
    /// Called after execution with the status the transport chose; returns the status to send and may add
    /// response headers.
    /// </summary>
    int StatusCodeFor(HttpContext context, ExecutionResult result, int statusCode);
}
