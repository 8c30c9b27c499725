using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// GraphiQL at the GraphQL endpoint for a browser: a GET without a <c>query</c> parameter whose <c>Accept</c>
/// ranks <c>text/html</c> at least as high as the JSON types gets the page instead of a GraphQL response.
/// GraphQL clients never ask for HTML, so the GraphQL-over-HTTP behaviour of the endpoint is unchanged.
/// </summary>
internal sealed class GraphiQLPage(GraphiQLAssets assets, IOptions<GraphQLHttpOptions> options)
{
    /// <summary>Where the page's files are served, under the endpoint's own path.</summary>
    public const string AssetsSegment = "/graphiql";

    public bool Wants(HttpContext context)
    {
        var request = context.Request;
        return options.Value.GraphiQL
            && HttpMethods.IsGet(request.Method)
            && !request.Query.ContainsKey("query")
            && !request.Headers.ContainsKey(HeaderNames.Upgrade)
            && PrefersHtml(request.Headers.Accept);
    }

    public Task WriteAsync(HttpContext context)
    {
        var endpoint = context.Request.PathBase.Add(context.Request.Path).Value ?? "/";
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";

        // Only files of this hub: scripts, styles and the endpoint itself, so no other site can be loaded.
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'";
        if (!assets.IsComplete)
        {
            return response.WriteAsync(NotBuiltPage);
        }

        var page = assets.PageTemplate
            .Replace("{{assets}}", WebUtility.HtmlEncode(endpoint.TrimEnd('/') + AssetsSegment), StringComparison.Ordinal)
            .Replace("{{endpoint}}", WebUtility.HtmlEncode(endpoint), StringComparison.Ordinal);
        return response.WriteAsync(page);
    }

    /// <summary>
    /// True when <c>text/html</c> is named (not only through <c>*/*</c>) with a quality above 0 and at least
    /// that of <c>application/json</c> and <c>application/graphql-response+json</c>.
    /// </summary>
    internal static bool PrefersHtml(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        double html = 0, json = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1d;
            if (range.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (range.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
                || range.MediaType.Equals(GraphQLMediaTypes.GraphQLResponse, StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }

        return html > 0 && html >= json;
    }

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>GraphiQL is not available</title></head>
        <body>
        <h1>GraphiQL's assets were not built</h1>
        <p>This hub was built without npm, so the GraphiQL page could not be included. The GraphQL API at this address
        works as usual: POST <code>{"query": "…"}</code> as <code>application/json</code>.</p>
        <p>To get GraphiQL, install Node.js 20 or later and build the hub again.</p>
        </body></html>
        """;
}
