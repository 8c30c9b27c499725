using System.Diagnostics.CodeAnalysis;

namespace OurSociety.Federation.Api.Transport;

public static class GraphQLHttpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the GraphQL-over-HTTP endpoint (GET and POST; other methods get 405) at
    /// <paramref name="pattern"/>. Needs <see cref="GraphQLHttpServiceCollectionExtensions.AddGraphQLHttp"/>
    /// and a schema with a JSON serializer registered through GraphQL.MicrosoftDI. A WebSocket upgrade on the same path goes
    /// to the graphql-transport-ws endpoint when <see cref="GraphQLWebSocketServiceCollectionExtensions.AddGraphQLWebSocket"/> added it.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
    {
        // Checked now so a missing registration fails at start; built on first use so that invalid
        // options are reported by ValidateOnStart when the host starts, not while routes are mapped.
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(GraphQLHttpEndpoint)) != true)
        {
            throw new InvalidOperationException($"Call services.AddGraphQLHttp(configuration) before {nameof(MapGraphQLHttp)}.");
        }

        return endpoints
            .Map(pattern, context => GraphQLWebSocketEndpoint.For(context) is { } webSocket
                ? webSocket.HandleAsync(context)
                : context.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context))
            .WithDisplayName("GraphQL over HTTP");
    }
}
