namespace OurSociety.Federation.Api.Transport;

public static class GraphQLWebSocketServiceCollectionExtensions
{
    /// <summary>
    /// Adds the graphql-transport-ws transport next to <see cref="GraphQLHttpServiceCollectionExtensions.AddGraphQLHttp"/>:
    /// its options (section <c>Hub:GraphQL:WebSocket</c>, validated at start) and endpoint. <c>MapGraphQLHttp</c> then hands
    /// WebSocket upgrades on its path to it; the app calls <c>UseWebSockets()</c> and may register an
    /// <see cref="IGraphQLWebSocketAuthenticator"/>.
    /// </summary>
    public static IServiceCollection AddGraphQLWebSocket(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphQLWebSocketOptions>()
            .Bind(configuration.GetSection(GraphQLWebSocketOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<GraphQLWebSocketEndpoint>();
        return services;
    }
}
