namespace OurSociety.Federation.Api.Transport;

/// <summary>The two media types the endpoint answers in.</summary>
internal enum ResponseMediaType
{
    /// <summary><c>application/graphql-response+json</c>: request errors carry 4xx/5xx status codes.</summary>
    GraphQLResponse,

    /// <summary><c>application/json</c> for legacy clients: every GraphQL response is a 200.</summary>
    Json,
}
