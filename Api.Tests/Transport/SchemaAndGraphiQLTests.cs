using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Api.Transport;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>The schema as SDL and GraphiQL, both served by the endpoint itself.</summary>
public sealed partial class SchemaAndGraphiQLTests(TransportHost host) : IClassFixture<TransportHost>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task The_schema_is_served_as_sdl_text()
    {
        using var response = await _client.GetAsync("/graphql/schema.graphql");
        var sdl = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("type Query {", sdl, StringComparison.Ordinal);
        Assert.Contains("hello(name: String): String", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_opening_the_endpoint_gets_graphiql_with_every_file_from_the_hub()
    {
        var page = await GetAsync("/graphql", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        var sources = SourceAttribute().Matches(page.Body).Select(m => m.Groups["url"].Value).ToArray();
        Assert.Equal(
            ["/graphql/graphiql/graphiql.min.css", "/graphql/graphiql/react.production.min.js", "/graphql/graphiql/react-dom.production.min.js", "/graphql/graphiql/graphiql.min.js", "/graphql/graphiql/start.js"],
            sources);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", page.Body);
        foreach (var source in sources)
        {
            var asset = await GetAsync(source, "*/*");
            Assert.True(asset.Status == HttpStatusCode.OK, $"{source}: {(int)asset.Status}");
            Assert.Equal(source.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8", asset.ContentType);
            Assert.True(asset.Body.Length > 0, source);
        }
    }

    [Fact]
    public async Task An_unchanged_graphiql_file_is_not_sent_again()
    {
        using var first = await _client.GetAsync("/graphql/graphiql/start.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/graphql/graphiql/start.js");
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());

        using var response = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json, text/html;q=0.5")]
    public async Task A_get_that_does_not_prefer_html_is_never_given_the_page(string accept)
    {
        var response = await GetAsync("/graphql", accept);

        Assert.DoesNotContain("text/html", response.ContentType ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_get_with_a_query_runs_the_query()
    {
        var response = await GetAsync("/graphql?query=%7B__typename%7D", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("\"__typename\":\"Query\"", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_graphiql_file_is_404()
    {
        using var response = await _client.GetAsync("/graphql/graphiql/missing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex SourceAttribute();
}

/// <summary>A hub built without npm has no GraphiQL files; its page says so instead of loading nothing.</summary>
public sealed class GraphiQLWithoutAssetsTests
{
    [Fact]
    public async Task Without_built_assets_the_page_says_graphiql_was_not_built()
    {
        var page = new GraphiQLPage(new GraphiQLAssets(typeof(GraphiQLWithoutAssetsTests).Assembly), Options.Create(new GraphQLHttpOptions()));
        var context = new DefaultHttpContext();
        context.Request.Path = "/graphql";
        using var body = new MemoryStream();
        context.Response.Body = body;

        await page.WriteAsync(context);

        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
        Assert.Contains("GraphiQL's assets were not built", Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }
}
