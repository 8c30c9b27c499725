using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>Talks GraphQL to a <see cref="HubHost"/> as one caller: with a bearer token, or without one.</summary>
public sealed class HubClient(Func<HttpClient> http, string? token)
{
    /// <summary>The bearer token this client presents, if any.</summary>
    public string? Token => token;

    /// <summary>Posts a GraphQL request and returns the status and the parsed body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(body)!);
    }

    /// <summary>Posts a GraphQL request and returns the parsed response body; fails on a non-200 status.</summary>
    public async Task<JsonNode> GraphQLAsync(string query, object? variables = null)
    {
        var (status, body) = await SendAsync(query, variables);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>Runs a mutation and returns its payload, asserting it has no errors.</summary>
    public async Task<JsonNode> MutateAsync(string field, string query, object? variables = null)
    {
        var result = await GraphQLAsync(query, variables);
        Assert.Null(result["errors"]);
        var payload = result["data"]![field]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload["errors"]!.ToJsonString());
        return payload;
    }
}
