using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OurSociety.Federation.Cluster.Tests;

/// <summary>What one GraphQL request over HTTP got back: status (0 when no response came), body, first error code, Retry-After.</summary>
public sealed record GraphQLReply(int Status, JsonNode? Body, string? Code, TimeSpan? RetryAfter);

/// <summary>POSTs GraphQL requests to an Api process, as any client would.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public async Task<GraphQLReply> SendAsync(string? token, string query, object? variables, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var body = text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) : null;
            var code = body?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() ?? body?["code"]?.GetValue<string>();
            var retryAfter = response.Headers.RetryAfter?.Delta;
            return new GraphQLReply((int)response.StatusCode, body, code, retryAfter);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new GraphQLReply(0, null, e.GetType().Name, null);
        }
    }

    public async Task<HttpStatusCode> GetStatusAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }
}
