using System.Text.Json;
using GraphQL;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// Reads one text frame as a graphql-transport-ws client message and checks its shape, as the protocol asks: anything
/// that is not JSON, has an unknown or server-only type, or lacks a well-formed id or payload is a protocol error
/// (the connection closes with 4400). Unknown members are ignored and <c>null</c> is the same as absent.
/// </summary>
internal sealed class GraphQLWebSocketMessageReader(IGraphQLTextSerializer serializer)
{
    private static readonly JsonDocumentOptions _jsonOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    /// <summary>The message, or null with <paramref name="error"/> saying what was wrong (it becomes the close reason).</summary>
    public GraphQLWebSocketMessage? Read(ReadOnlyMemory<byte> utf8Json, out string error)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json, _jsonOptions);
            return Read(document.RootElement, out error);
        }
        catch (JsonException)
        {
            error = "Invalid message: not JSON";
            return null;
        }
    }

    private GraphQLWebSocketMessage? Read(JsonElement root, out string error)
    {
        error = "";
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var typeElement)
            || typeElement.ValueKind != JsonValueKind.String)
        {
            error = "Invalid message: no string 'type'";
            return null;
        }

        var type = typeElement.GetString()!;
        var payload = root.TryGetProperty("payload", out var present) && present.ValueKind != JsonValueKind.Null ? present : (JsonElement?)null;
        switch (type)
        {
            case GraphQLWebSocketMessageTypes.ConnectionInit:
                return IsMapOrAbsent(payload, ref error, "payload")
                    ? new GraphQLWebSocketMessage(type, InitPayload: ToInputs(payload))
                    : null;
            case GraphQLWebSocketMessageTypes.Ping:
            case GraphQLWebSocketMessageTypes.Pong:
                return IsMapOrAbsent(payload, ref error, "payload")
                    ? new GraphQLWebSocketMessage(type, PingPayload: payload?.Clone())
                    : null;
            case GraphQLWebSocketMessageTypes.Complete:
                return ReadId(root, ref error) is { } completedId ? new GraphQLWebSocketMessage(type, completedId) : null;
            case GraphQLWebSocketMessageTypes.Subscribe:
                if (ReadId(root, ref error) is not { } id)
                {
                    return null;
                }

                if (payload is not { ValueKind: JsonValueKind.Object } operation)
                {
                    error = "Invalid message: 'subscribe' needs a payload object";
                    return null;
                }

                return ReadRequest(operation, ref error) is { } request ? new GraphQLWebSocketMessage(type, id, Request: request) : null;
            default:
                // connection_ack, next and error are the server's to send; anything else is unknown.
                error = $"Invalid message: unexpected type '{type}'";
                return null;
        }
    }

    private GraphQLHttpRequest? ReadRequest(JsonElement operation, ref string error)
    {
        if (!operation.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            error = "Invalid message: 'subscribe' payload needs a string 'query'";
            return null;
        }

        string? operationName = null;
        if (operation.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                error = "Invalid message: 'operationName' must be a string";
                return null;
            }

            operationName = name.GetString();
        }

        var variables = Optional(operation, "variables");
        var extensions = Optional(operation, "extensions");
        if (!IsMapOrAbsent(variables, ref error, "variables") || !IsMapOrAbsent(extensions, ref error, "extensions"))
        {
            return null;
        }

        return new GraphQLHttpRequest(query.GetString()!, operationName, ToInputs(variables), ToInputs(extensions));
    }

    private static string? ReadId(JsonElement root, ref string error)
    {
        if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value)
        {
            return value;
        }

        error = "Invalid message: needs a non-empty string 'id'";
        return null;
    }

    private static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool IsMapOrAbsent(JsonElement? value, ref string error, string name)
    {
        if (value is null or { ValueKind: JsonValueKind.Object })
        {
            return true;
        }

        error = $"Invalid message: '{name}' must be an object";
        return false;
    }

    /// <summary>The DI serializer turns JSON into GraphQL.NET's <see cref="Inputs"/>, whichever JSON library backs it.</summary>
    private Inputs? ToInputs(JsonElement? value) => value is { } map ? serializer.Deserialize<Inputs>(map.GetRawText()) : null;
}
