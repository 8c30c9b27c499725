using System.Buffers;
using System.Text.Json;
using GraphQL;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// Reads the GraphQL-over-HTTP request parameters from a POST body or a GET query string and
/// checks their shape; GraphQL.NET only sees requests that passed.
/// </summary>
internal sealed class GraphQLHttpRequestReader(IGraphQLTextSerializer serializer)
{
    private static readonly JsonDocumentOptions _jsonOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    public GraphQLHttpRequest ReadQueryString(IQueryCollection query)
    {
        var text = Single(query, "query");
        if (text is null)
        {
            throw Invalid("The 'query' parameter is required.");
        }

        return new GraphQLHttpRequest(
            text,
            Single(query, "operationName"),
            ParseMap(Single(query, "variables"), "variables"),
            ParseMap(Single(query, "extensions"), "extensions"));
    }

    public async Task<GraphQLHttpRequest> ReadBodyAsync(HttpRequest request, long maxBodySize, CancellationToken cancellationToken)
    {
        // CSRF: only JSON bodies are read. A browser can send text/plain, form or multipart bodies
        // cross-origin without a CORS preflight, but never application/json, so refusing every other
        // content type (415) means a foreign page cannot make a signed-in browser run a mutation.
        if (!IsJsonContentType(request.ContentType))
        {
            throw new GraphQLHttpRequestException(
                StatusCodes.Status415UnsupportedMediaType,
                TransportErrorCodes.UnsupportedMediaType,
                "POST requests must have Content-Type application/json in UTF-8.");
        }

        var body = await ReadLimitedAsync(request, maxBodySize, cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body, _jsonOptions);
            return FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            throw new GraphQLHttpRequestException(
                StatusCodes.Status400BadRequest, TransportErrorCodes.InvalidJson, "The request body is not valid JSON.");
        }
    }

    private GraphQLHttpRequest FromJson(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            throw new GraphQLHttpRequestException(
                StatusCodes.Status400BadRequest,
                TransportErrorCodes.BatchingNotSupported,
                "Batched requests are not supported; send one operation per request.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("The request body must be a JSON object.");
        }

        string? query = null;
        string? operationName = null;
        Inputs? variables = null;
        Inputs? extensions = null;

        // Unknown properties are ignored and null means absent, as the spec asks.
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "query":
                    query = StringOrNull(value, "query");
                    break;
                case "operationName":
                    operationName = StringOrNull(value, "operationName");
                    break;
                case "variables":
                    variables = MapOrNull(value, "variables");
                    break;
                case "extensions":
                    extensions = MapOrNull(value, "extensions");
                    break;
                default:
                    break;
            }
        }

        if (query is null)
        {
            throw Invalid("The 'query' parameter is required and must be a string.");
        }

        return new GraphQLHttpRequest(query, operationName, variables, extensions);
    }

    private static string? StringOrNull(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw Invalid($"The '{name}' parameter must be a string."),
    };

    private Inputs? MapOrNull(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        // The DI serializer turns JSON into GraphQL.NET's Inputs, whichever JSON library backs it.
        JsonValueKind.Object => serializer.Deserialize<Inputs>(value.GetRawText()),
        _ => throw Invalid($"The '{name}' parameter must be a map."),
    };

    private Inputs? ParseMap(string? json, string name)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json, _jsonOptions);
            return MapOrNull(document.RootElement, name);
        }
        catch (JsonException)
        {
            throw Invalid($"The '{name}' parameter must be a JSON-encoded map.");
        }
    }

    /// <summary>One value of a query-string parameter; an empty value is the same as no value.</summary>
    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw Invalid($"The '{name}' parameter must appear once.");
        }

        return string.IsNullOrEmpty(values[0]) ? null : values[0];
    }

    private static bool IsJsonContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        var isJson = mediaType.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.Equals(GraphQLMediaTypes.GraphQLResponse, StringComparison.OrdinalIgnoreCase);
        var charset = mediaType.Charset;
        return isJson && (StringSegment.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Reads the whole body, stopping as soon as it passes the limit: a declared Content-Length is
    /// checked first, a chunked body is counted as it arrives.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(HttpRequest request, long maxBodySize, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBodySize)
        {
            throw TooLarge(maxBodySize);
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBodySize)
                {
                    throw TooLarge(maxBodySize);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static GraphQLHttpRequestException TooLarge(long maxBodySize) => new(
        StatusCodes.Status413PayloadTooLarge,
        TransportErrorCodes.RequestTooLarge,
        $"The request body is larger than {maxBodySize} bytes.");

    private static GraphQLHttpRequestException Invalid(string message) =>
        new(StatusCodes.Status400BadRequest, TransportErrorCodes.InvalidRequest, message);
}
