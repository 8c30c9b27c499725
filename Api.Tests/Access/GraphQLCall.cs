using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>One GraphQL POST with whatever <c>Authorization</c> header a test wants, and everything the answer said.</summary>
public sealed record GraphQLCall(HttpStatusCode Status, HttpResponseHeaders Headers, string? ContentType, JsonNode? Body)
{
    public const string Json = "application/json";
    public const string GraphQLResponse = "application/graphql-response+json";

    public static async Task<GraphQLCall> PostAsync(HttpClient http, string query, object? variables = null, string? authorization = null, string accept = GraphQLResponse)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd(accept);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLCall(
            response.StatusCode,
            response.Headers,
            response.Content.Headers.ContentType?.MediaType,
            text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>The <c>code</c> of the first error, in a GraphQL body (<c>errors[0].extensions.code</c>) or a problem body (<c>code</c>).</summary>
    public string? Code => (Body?["errors"]?[0]?["extensions"]?["code"] ?? Body?["code"])?.GetValue<string>();

    public string? Message => Body?["errors"]?[0]?["message"]?.GetValue<string>();

    public string WwwAuthenticate => Headers.WwwAuthenticate.ToString();
}
