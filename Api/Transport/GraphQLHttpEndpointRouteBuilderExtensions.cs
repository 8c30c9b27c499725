using System.Diagnostics.CodeAnalysis;

namespace OurSociety.Federation.Api.Transport;

public static class GraphQLHttpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the GraphQL-over-HTTP endpoint (GET and POST; other methods get 405) at
    /// <paramref name="pattern"/>. Needs <see cref="GraphQLHttpServiceCollectionExtensions.AddGraphQLHttp"/>
    /// and a schema with a JSON serializer registered through GraphQL.MicrosoftDI.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
    {
        // Resolved now so a missing registration fails at start, not on the first request.
        var endpoint = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpEndpoint>();
        return endpoints.Map(pattern, endpoint.HandleAsync).WithDisplayName("GraphQL over HTTP");
    }
}
