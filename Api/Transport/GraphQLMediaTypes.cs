namespace OurSociety.Federation.Api.Transport;

internal static class GraphQLMediaTypes
{
    /// <summary>The GraphQL-over-HTTP response type: the body is a GraphQL response whatever the status code.</summary>
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>The request type, and the response type for legacy clients (which read any 2xx JSON as a GraphQL response).</summary>
    public const string Json = "application/json";
}
