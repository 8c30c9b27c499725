using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace OurSociety.Federation.Api.Transport;

public static class GraphQLHttpEndpointRouteBuilderExtensions
{
    /// <summary>SDL's media type: plain text, so a browser shows it and any tool reads it.</summary>
    public const string SdlContentType = "text/plain; charset=utf-8";

    /// <summary>
    /// Maps the GraphQL-over-HTTP endpoint (GET and POST; other methods get 405) at
    /// <paramref name="pattern"/>, the schema as SDL at <c>{pattern}/schema.graphql</c> (unless introspection is
    /// off) and GraphiQL's files at <c>{pattern}/graphiql/{file}</c> (unless GraphiQL is off). Needs <see cref="GraphQLHttpServiceCollectionExtensions.AddGraphQLHttp"/>
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

        var basePattern = pattern.TrimEnd('/');
        endpoints.MapGet(basePattern + "/schema.graphql", WriteSdlAsync).WithDisplayName("GraphQL schema (SDL)");
        endpoints.MapGet(basePattern + GraphiQLPage.AssetsSegment + "/{file}", WriteGraphiQLAssetAsync).WithDisplayName("GraphiQL files");

        return endpoints
            .Map(pattern, context => GraphQLWebSocketEndpoint.For(context) is { } webSocket
                ? webSocket.HandleAsync(context)
                : context.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context))
            .WithDisplayName("GraphQL over HTTP");
    }

    private static async Task WriteSdlAsync(HttpContext context)
    {
        if (!context.RequestServices.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.Introspection)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = SdlContentType;
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.WriteAsync(context.RequestServices.GetRequiredService<SchemaSdl>().Utf8, context.RequestAborted);
    }

    private static async Task WriteGraphiQLAssetAsync(HttpContext context, string file)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.GraphiQL
            || services.GetRequiredService<GraphiQLAssets>().Find(file) is not { } asset)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await asset.WriteAsync(context);
    }
}
