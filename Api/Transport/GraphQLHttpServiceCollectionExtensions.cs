using GraphQL.DI;

namespace OurSociety.Federation.Api.Transport;

public static class GraphQLHttpServiceCollectionExtensions
{
    /// <summary>
    /// Adds the GraphQL-over-HTTP transport: its options (section <c>Hub:GraphQL</c>, validated at
    /// start), the document cache, error masking, and the depth, complexity and introspection rules. The schema and the JSON serializer come from the
    /// app's own <c>services.AddGraphQL(b =&gt; b.AddSchema&lt;TSchema&gt;().AddSystemTextJson())</c>.
    /// </summary>
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphQLHttpOptions>()
            .Bind(configuration.GetSection(GraphQLHttpOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // GraphQL.NET's DocumentExecuter takes every registered IConfigureExecution.
        services.AddSingleton<IConfigureExecution, ErrorMasking>();
        services.AddSingleton<IConfigureExecution, ValidationLimits>();
        services.AddSingleton<IConfigureExecution, DocumentCache>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<SchemaSdl>();
        services.AddSingleton<GraphiQLAssets>();
        services.AddSingleton<GraphiQLPage>();
        return services;
    }
}
