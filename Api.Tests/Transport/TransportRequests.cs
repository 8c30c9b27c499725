using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>Requests to <c>/graphql</c> with exact control over Content-Type and Accept.</summary>
public static class TransportRequests
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string GraphQLResponseUtf8 = "application/graphql-response+json; charset=utf-8";
    public const string JsonUtf8 = "application/json; charset=utf-8";
    public const string Problem = "application/problem+json";

    public static Task<TransportResponse> PostJsonAsync(this HttpClient client, object payload, string? accept = GraphQLResponse) =>
        client.PostAsync(JsonSerializer.Serialize(payload), Json, accept);

    public static async Task<TransportResponse> PostAsync(this HttpClient client, string body, string? contentType, string? accept = GraphQLResponse)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync(content, accept);
    }

    public static async Task<TransportResponse> PostAsync(this HttpClient client, HttpContent content, string? accept = GraphQLResponse)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        return await client.SendAsync(request, accept);
    }

    /// <summary>A GET with the given URL parameters, URL-encoded here.</summary>
    public static async Task<TransportResponse> GetAsync(this HttpClient client, IEnumerable<(string Name, string Value)> parameters, string? accept = GraphQLResponse)
    {
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?{query}");
        return await client.SendAsync(request, accept);
    }

    public static Task<TransportResponse> GetQueryAsync(this HttpClient client, string query, string? accept = GraphQLResponse) =>
        client.GetAsync([("query", query)], accept);

    public static async Task<TransportResponse> SendAsync(this HttpClient client, HttpRequestMessage request, string? accept)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request);
        var allow = response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null;
        return new TransportResponse(
            response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            allow,
            await response.Content.ReadAsStringAsync());
    }
}
