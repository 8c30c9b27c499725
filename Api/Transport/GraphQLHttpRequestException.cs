namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// A request the transport refuses before GraphQL sees it. It becomes a problem-details response,
/// never <c>application/graphql-response+json</c>, because no GraphQL response was produced.
/// </summary>
internal sealed class GraphQLHttpRequestException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;
}
