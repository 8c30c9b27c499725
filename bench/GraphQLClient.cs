using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OurSociety.Federation.Bench;

/// <summary>An HTTP/1.1 keep-alive client with one pooled connection per concurrent worker, as a load driver should have.</summary>
public static class GraphQLClient
{
    private static readonly MediaTypeHeaderValue _json = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue _accept = new("application/json");

    public static HttpClient Create(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        })
        {
            BaseAddress = baseAddress,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public static byte[] Body(string query, object variables) => JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> (with a bearer token if given) and returns the response bytes; throws unless 200.</summary>
    public static async Task<byte[]> PostGraphQLAsync(this HttpClient client, byte[] body, string path = "graphql", string? token = null)
    {
        using var request = Request(body, path, token);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? bytes
            : throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
    }

    /// <summary>
    /// POSTs <paramref name="body"/> and reads the answer through a pooled buffer without keeping it, as a client that
    /// streams a large answer would; returns its length. Throws unless 200 with data and no errors.
    /// </summary>
    public static async Task<long> DrainGraphQLAsync(this HttpClient client, byte[] body, string path = "graphql", string? token = null)
    {
        using var request = Request(body, path, token);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            // The hub writes errors before data: an answer that starts with data has none.
            var first = await stream.ReadAtLeastAsync(buffer, 8, throwOnEndOfStream: false);
            var start = System.Text.Encoding.UTF8.GetString(buffer, 0, first);
            if (response.StatusCode != HttpStatusCode.OK || !start.StartsWith("{\"data\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {start}");
            }

            long length = first;
            for (int read; (read = await stream.ReadAsync(buffer)) > 0;)
            {
                length += read;
            }

            return length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A GraphQL POST of <paramref name="body"/> as JSON, with a bearer token if given; disposing it disposes its content.</summary>
    private static HttpRequestMessage Request(byte[] body, string path, string? token)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = _json;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Accept.Add(_accept);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
